// The caller discards the task's future with a cast to void and waits for
// the pool's tasks with wait_all() before it writes what the task reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/counted-pool.h"

int report(CountedPool &pool) {
  int x = 1;
  (void)pool.enqueue([&x] { volatile int seen = x; (void)seen; });
  static_cast<void>(pool.enqueue([&x] { volatile int seen = x; (void)seen; }));
  pool.wait_all();
  x = 42;
  return x;
}

#ifdef FEARLESS_RUN
int main() {
  CountedPool pool(2);
  int sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += report(pool);
  return sum != 4200;
}
#endif
