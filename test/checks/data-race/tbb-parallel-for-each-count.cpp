// oneTBB's parallel_for_each: the body runs on several threads at once, so
// counting into a captured local is a data race.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"
#include <vector>

int count_even(const std::vector<int> &v) {
  int even = 0;
  tbb::parallel_for_each(v.begin(), v.end(), [&](int x) {
    if (x % 2 == 0)
      ++even; // expected-warning {{data race on 'even'}} expected-note {{help: make 'even' a std::atomic<int>}}
  }); // expected-note@-3 {{the same write runs in every thread started here}}
  return even;
}

#ifdef FEARLESS_RUN
int main() {
  std::vector<int> v(1000000, 2);
  return count_even(v) < 0;
}
#endif
