// The correct twin of taskflow-async-outlives-local.cpp: the function waits
// for the executor before its local dies, waits for the task's future, or
// the task captures a copy.
// CONFIRM: address
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

void record(int);

void schedule_and_wait(tf::Executor &executor) {
  int request = 6;
  executor.silent_async([&] { record(request); });
  executor.wait_for_all();
}

void future_waited(tf::Executor &executor) {
  int request = 7;
  std::future<void> done = executor.async([&] { record(request); });
  done.wait();
}

void by_copy(tf::Executor &executor) {
  int request = 8;
  executor.silent_async([request] { record(request); });
}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  seen = r;
}
int main() {
  tf::Executor executor;
  schedule_and_wait(executor);
  future_waited(executor);
  by_copy(executor);
  executor.wait_for_all();
  return 0;
}
#endif
