// The caller of a free helper that hands the callable to the pool it is
// given waits for the task's future before it writes what the task reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/future-pool.h"

template <class T>
std::future<T> post_work(ThreadPool &pool, std::function<T()> work) {
  return pool.enqueue(std::move(work));
}

int scale(ThreadPool &pool) {
  int factor = 1;
  auto result = post_work<int>(pool, [&] { return factor * 2; });
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
