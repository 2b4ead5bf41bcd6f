// The correct twin of tbb-parallel-for-sum.cpp: the sum is atomic, each
// call writes only its own element, and what the body computed is read
// after parallel_for has returned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include "executors/tbb.h"
#include <vector>

long sum_to(int n) {
  std::atomic<long> sum{0};
  tbb::parallel_for(0, n, [&](int i) { sum += i; });
  return sum.load();
}

long squares(int n) {
  std::vector<long> out(n);
  tbb::parallel_for(tbb::blocked_range<int>(0, n),
                    [&](const tbb::blocked_range<int> &r) {
                      for (int i = r.begin(); i != r.end(); ++i)
                        out[i] = long(i) * i;
                    });
  long total = 0;
  for (long v : out)
    total += v;
  return total;
}

// No FEARLESS_RUN program: ThreadSanitizer reports races inside oneTBB's own
// task tree (partitioner.h's node and fold_tree, _task.h), whose ordering
// happens in the uninstrumented libtbb.so, on every run; it cannot judge
// this twin. (tbb-parallel-for-sum.cpp's program confirms the race.)
