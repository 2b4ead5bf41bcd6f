// oneTBB's parallel_reduce (Models/Executors.def, a scoped executor, the
// functional form): the arena's threads run the body on their chunks at the
// same time, so a body that also counts its calls in a local it captures by
// reference races with itself.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"

long sum_to(int n, int &chunks) {
  return tbb::parallel_reduce(
      tbb::blocked_range<int>(0, n), 0L,
      [&](const tbb::blocked_range<int> &r, long acc) {
        ++chunks; // expected-warning {{data race on 'chunks': this write can run at the same time as a write in another thread}} expected-note {{help: make 'chunks' a std::atomic<int>}}
        for (int i = r.begin(); i != r.end(); ++i)
          acc += i;
        return acc;
      },
      [](long a, long b) { return a + b; }); // expected-note@-8 {{the same write runs in every thread started here}}
}

#ifdef FEARLESS_RUN
int main() {
  int chunks = 0;
  return sum_to(1000000, chunks) < 0;
}
#endif
