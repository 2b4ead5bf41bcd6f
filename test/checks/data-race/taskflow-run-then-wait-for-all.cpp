// taskflow: executor.run(taskflow) followed at once by
// executor.wait_for_all() runs the graph and waits for it, like
// run(taskflow).wait() (Models/Executors.def, FEARLESS_TASK_GRAPH): the two
// unordered tasks that both append to one vector race.
// CONFIRM: thread -I/var/cache/fearless-corpus/src/taskflow
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/taskflow.hpp"
#include <vector>

void pause_ms(int);

unsigned collect() {
  std::vector<int> found;
  tf::Executor executor;
  tf::Taskflow taskflow;
  taskflow.emplace([&] { pause_ms(1); found.push_back(1); }); // expected-warning {{data race on 'found'}} expected-note {{help: guard both accesses with the same mutex, or give each thread its own copy}} expected-note {{one thread is spawned here}}
  taskflow.emplace([&] { pause_ms(1); found.push_back(2); }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  executor.run(taskflow);
  executor.wait_for_all();
  return found.size();
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  for (int i = 0; i < 20; ++i)
    collect();
  return 0;
}
#endif
