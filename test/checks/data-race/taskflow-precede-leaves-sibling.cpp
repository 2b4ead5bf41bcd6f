// taskflow: load.precede(parse) orders those two tasks of the graph, not
// the third: audit runs at the same time as both (Models/Executors.def,
// FEARLESS_TASK_GRAPH). What load and parse both write is ordered; what
// parse and audit both update races.
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/taskflow.hpp"

void pause_ms(int);

int pipeline() {
  int stage = 0, count = 0;
  tf::Executor executor;
  tf::Taskflow taskflow;
  tf::Task load = taskflow.emplace([&] { pause_ms(1); stage = 1; });
  tf::Task parse = taskflow.emplace([&] { stage = 2; count += 1; }); // expected-warning {{data race on 'count'}} expected-note {{help: make 'count' a std::atomic<int>}} expected-note {{one thread is spawned here}}
  tf::Task audit = taskflow.emplace([&] { pause_ms(1); count += 1; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  load.precede(parse);
  executor.run(taskflow).wait();
  return stage + count;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  for (int i = 0; i < 20; ++i)
    pipeline();
  return 0;
}
#endif
