// oneTBB's parallel_scan (the functional form): its scan body runs on
// several threads at the same time (as does its combine function), so a
// body that counts its passes in a local it captures by reference races
// with itself.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"
#include <vector>

long prefix_sums(std::vector<long> &out, long &passes) {
  int n = int(out.size());
  return tbb::parallel_scan( // expected-note {{the same write runs in every thread started here, at the same time}}
      tbb::blocked_range<int>(0, n, 1000), 0L,
      [&](const tbb::blocked_range<int> &r, long sum, bool final) {
        ++passes; // expected-warning {{data race on 'passes': this write can run at the same time as a write in another thread}} expected-note {{help: make 'passes' a std::atomic<long>}}
        for (int i = r.begin(); i != r.end(); ++i) {
          sum += i;
          if (final)
            out[i] = sum;
        }
        return sum;
      },
      [](long left, long right) { return left + right; });
}

#ifdef FEARLESS_RUN
int main() {
  std::vector<long> out(1000000);
  long passes = 0;
  return prefix_sums(out, passes) < 0;
}
#endif
