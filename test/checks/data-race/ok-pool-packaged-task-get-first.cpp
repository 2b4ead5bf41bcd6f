// The caller waits for the future of the std::packaged_task it posted
// before it writes the local the task reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/pool-of-workers.h"
#include <future>

int scale(WorkerPool &pool) {
  int factor = 1;
  std::packaged_task<int()> task([&factor] { return factor * 2; });
  auto result = task.get_future();
  pool.post(std::move(task));
  int r = result.get();
  factor = 3;
  return r + factor;
}

#ifdef FEARLESS_RUN
int main() {
  WorkerPool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum != 200 * 5;
}
#endif
