// taskflow: a task handed to a function may be ordered there (chain()
// calls precede), out of sight of the function that runs the graph, so a
// graph whose tasks go anywhere but precede/succeed/name is not modelled
// (Models/Executors.def, FEARLESS_TASK_GRAPH): no report, and indeed no
// race.
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

void pause_ms(int);
void chain(tf::Task &first, tf::Task &second);

int last_writer() {
  int winner = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  auto [left, right] = taskflow.emplace([&] { pause_ms(1); winner = 1; },
                                        [&] { pause_ms(1); winner = 2; });
  chain(left, right);
  executor.run(taskflow).wait();
  return winner;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void chain(tf::Task &first, tf::Task &second) { first.precede(second); }
int main() {
  for (int i = 0; i < 20; ++i)
    if (last_writer() != 2)
      return 1;
  return 0;
}
#endif
