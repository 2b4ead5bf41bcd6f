// taskflow: executor.run(taskflow) returns a tf::Future<void> whose wait()
// blocks until every task of the graph has run (Models/Executors.def,
// FEARLESS_TASK_GRAPH): the spawner reads what the task wrote after it, and
// wrote what the task reads before the run. No race.
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

int square(int);

int squared(int n) {
  int input = 0, result = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  tf::Task task = taskflow.emplace([&] { result = square(input); });
  input = n;
  executor.run(taskflow).wait();
  return result + input;
}

#ifdef FEARLESS_RUN
int square(int n) { return n * n; }
int main() { return squared(3) != 12; }
#endif
