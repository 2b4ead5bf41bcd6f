// The caller waits for the future of the task it pushed on a CTPL-style
// pool before it writes the local the task reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "pools/wrapped-queue-pool.h"

int scale(wrapped::Pool &pool) {
  int factor = 1;
  auto result = pool.push([&](int) { return factor * 2; });
  int r = result.get();
  factor = 3;
  return r + factor;
}

#ifdef FEARLESS_RUN
int main() {
  wrapped::Pool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum != 200 * 5;
}
#endif
