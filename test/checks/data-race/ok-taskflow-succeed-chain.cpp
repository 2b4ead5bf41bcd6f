// The correct twin of taskflow-precede-leaves-sibling.cpp: first.precede(
// second) and third.succeed(second) chain the three tasks, so first and
// third, which both update count, are ordered through second
// (Models/Executors.def, FEARLESS_TASK_GRAPH: the order is transitive).
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

void pause_ms(int);

int chain() {
  int count = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  tf::Task first = taskflow.emplace([&] { pause_ms(1); count += 1; });
  tf::Task second = taskflow.emplace([] { pause_ms(1); }).name("second");
  tf::Task third = taskflow.emplace([&] { count += 1; });
  first.precede(second);
  third.succeed(second);
  executor.run(taskflow).wait();
  return count;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  for (int i = 0; i < 20; ++i)
    if (chain() != 2)
      return 1;
  return 0;
}
#endif
