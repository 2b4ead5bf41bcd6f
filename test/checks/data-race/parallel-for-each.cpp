// A parallel algorithm runs its body concurrently with itself.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <algorithm>
#include <execution>
#include <vector>

long total(const std::vector<int> &v) {
  long sum = 0;
  std::for_each(std::execution::par, v.begin(), v.end(), [&](int x) { sum += x; }); // expected-warning {{data race on 'sum': this write can run at the same time as a write in another thread}} expected-note {{help: make 'sum' a std::atomic<long>}} expected-note {{the same write runs in every thread started here}}
  std::for_each(v.begin(), v.end(), [&](int x) { sum += x; }); // sequential: fine
  return sum;
}
