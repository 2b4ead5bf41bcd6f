// The twins of tbb-parallel-reduce-counter.cpp and
// tbb-parallel-scan-counter.cpp: the bodies keep their partial
// results in their own parameters and locals, each scan writes only its own
// elements, the call counter is atomic, and what they computed is read after
// the call returns. The imperative form, whose Body object is split into a
// copy per thread, writes only its own copy.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/tbb.h"
#include <atomic>
#include <vector>

long sum_to(int n, std::atomic<int> &chunks) {
  long total = tbb::parallel_reduce(
      tbb::blocked_range<int>(0, n), 0L,
      [&](const tbb::blocked_range<int> &r, long acc) {
        ++chunks;
        for (int i = r.begin(); i != r.end(); ++i)
          acc += i;
        return acc;
      },
      [](long a, long b) { return a + b; });
  return total + chunks.load();
}

long prefix_sums(std::vector<long> &out) {
  int n = int(out.size());
  long last = tbb::parallel_scan(
      tbb::blocked_range<int>(0, n), 0L,
      [&](const tbb::blocked_range<int> &r, long sum, bool final) {
        for (int i = r.begin(); i != r.end(); ++i) {
          sum += i;
          if (final)
            out[i] = sum;
        }
        return sum;
      },
      [](long left, long right) { return left + right; });
  return last + out[0];
}

struct Sum {
  long value = 0;
  Sum() = default;
  Sum(Sum &, tbb::split) {}
  void operator()(const tbb::blocked_range<int> &r) {
    for (int i = r.begin(); i != r.end(); ++i)
      value += i;
  }
  void join(const Sum &other) { value += other.value; }
};

long imperative(int n) {
  Sum s;
  tbb::parallel_reduce(tbb::blocked_range<int>(0, n), s);
  return s.value;
}

// No FEARLESS_RUN program: ThreadSanitizer reports races inside oneTBB's own
// task tree (its ordering happens in the uninstrumented libtbb.so), as for
// ok-tbb-parallel-for-atomic.cpp; it cannot judge this twin.
