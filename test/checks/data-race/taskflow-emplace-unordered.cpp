// taskflow: the tasks of one tf::Taskflow that no precede/succeed chain
// orders run at the same time on the executor's workers
// (Models/Executors.def, FEARLESS_TASK_GRAPH): two that both write one
// captured local race. Against a mock shaped like taskflow's API
// (test/Inputs/executors/taskflow.hpp); the program runs the real taskflow
// when the corpus's copy is there (bench/fetch-corpus).
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/taskflow.hpp"

void pause_ms(int);

int last_writer() {
  int winner = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  auto [left, right] = taskflow.emplace(
      [&] { pause_ms(1); winner = 1; }, // expected-warning {{data race on 'winner': this write can run at the same time as a write in another thread}} expected-note {{help: make 'winner' a std::atomic<int>}} expected-note {{one thread is spawned here}}
      [&] { pause_ms(1); winner = 2; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  left.name("left");
  right.name("right");
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
    last_writer();
  return 0;
}
#endif
