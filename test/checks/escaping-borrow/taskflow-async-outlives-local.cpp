// taskflow: a task queued on an executor the function does not own may run
// after the function has returned and its local is gone. Against a mock
// shaped like taskflow's API (test/Inputs/executors/taskflow.hpp).
// CONFIRM: address
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/taskflow.hpp"

void record(int);

void schedule(tf::Executor &executor) {
  int request = 5;
  executor.silent_async([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'silent_async' queues the callable for the worker threads of 'executor', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  tf::Executor executor;
  schedule(executor);
  executor.wait_for_all();
  return 0;
}
#endif
