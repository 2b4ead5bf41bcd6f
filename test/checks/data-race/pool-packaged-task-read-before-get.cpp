// A std::packaged_task posted on a pool reads a local that the caller
// writes before it waits for the task's future.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/pool-of-workers.h"
#include <future>

int scale(WorkerPool &pool) {
  int factor = 1;
  std::packaged_task<int()> task([&factor] { return factor * 2; }); // expected-note {{the other read is here}}
  auto result = task.get_future();
  pool.post(std::move(task)); // expected-note {{the task is queued here for the worker threads of 'pool'}}
  factor = 3; // expected-warning {{data race on 'factor'}} expected-note {{help: make 'factor' a std::atomic<int>}}
  return result.get(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() {
  WorkerPool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum < 0;
}
#endif
