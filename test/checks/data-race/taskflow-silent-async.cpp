// taskflow: tf::Executor::silent_async(f) queues f for the executor's
// workers (Models/Executors.def), which run several tasks at the same time
// until wait_for_all(). Against a mock shaped like taskflow's API
// (test/Inputs/executors/taskflow.hpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/taskflow.hpp"

void pause_ms(int);

long count_items() {
  long total = 0;
  tf::Executor executor(4);
  for (int i = 0; i < 20; ++i)
    executor.silent_async([&] {
      pause_ms(1);
      total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
    }); // expected-note@-3 {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
  executor.wait_for_all();
  return total;
}

int progress() {
  int state = 0;
  tf::Executor executor;
  std::future<void> done = executor.async([&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}} expected-note {{the task is queued here for the worker threads of 'executor'}}
  int seen = state; // expected-note {{the other read is here}}
  done.get(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return count_items() < 0 || progress() < 0; }
#endif
