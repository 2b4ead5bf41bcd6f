// taskflow's tf::Executor against the real headers (header-only, not in
// Debian: the corpus's copy, bench/fetch-corpus; the feature is absent
// without it). silent_async()/async() queue a task for the executor's
// workers (Models/Executors.def); wait_for_all() and the destructor wait.
// REQUIRES: taskflow
// RUN: %fearless -std=c++17 -isystem %taskflow-dir -Xclang -verify %s
#include <taskflow/taskflow.hpp>

void record(int);

long count_racy(tf::Executor &executor) {
  long total = 0;
  for (int i = 0; i < 20; ++i)
    executor.silent_async([&] { total += 1; }); // expected-warning {{data race on 'total'}} expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}} expected-note {{help: make 'total' a std::atomic<long>}}
  executor.wait_for_all();
  return total; // after wait_for_all(): no race
}

int one_task() {
  int result = 0;
  tf::Executor executor(2);
  executor.silent_async([&] { result = 42; });
  executor.wait_for_all();
  return result;
}

int future_first(tf::Executor &executor) {
  int state = 0;
  std::future<void> done = executor.async([&] { state = 1; });
  done.get();
  return state;
}

void request_outlives(tf::Executor &executor) {
  int request = 5;
  executor.silent_async([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'silent_async' queues the callable for the worker threads of 'executor', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}
