// A task pushed on a CTPL-style pool (a queue class of its own, workers
// behind unique_ptrs started from a local lambda) reads a local that the
// caller writes before it waits for the task's future.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include "pools/wrapped-queue-pool.h"

int scale(wrapped::Pool &pool) {
  int factor = 1;
  auto result = pool.push([&](int) { return factor * 2; }); // expected-note {{the other read is here}} expected-note {{the task is queued here for the worker threads of 'pool'}}
  factor = 3; // expected-warning {{data race on 'factor'}} expected-note {{help: make 'factor' a std::atomic<int>}}
  return result.get(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() {
  wrapped::Pool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum < 0;
}
#endif
