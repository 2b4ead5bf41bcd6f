// The correct twin of taskflow-emplace-unordered.cpp: left.precede(right)
// orders the two tasks, so the second write starts only after the first is
// done, and the spawner reads after the run's wait().
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/taskflow.hpp"

void pause_ms(int);

int last_writer() {
  int winner = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  auto [left, right] = taskflow.emplace([&] { pause_ms(1); winner = 1; },
                                        [&] { pause_ms(1); winner = 2; });
  left.precede(right);
  executor.run(taskflow).wait();
  return winner;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  for (int i = 0; i < 20; ++i)
    if (last_writer() != 2)
      return 1;
  return 0;
}
#endif
