// The caller waits for the task's future before it writes the local the
// task reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/future-pool.h"

int scale(ThreadPool &pool) {
  int factor = 1;
  auto result = pool.enqueue([&] { return factor * 2; });
  int r = result.get();
  factor = 3;
  return r + factor;
}

#ifdef FEARLESS_RUN
int main() {
  ThreadPool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum != 200 * 5;
}
#endif
