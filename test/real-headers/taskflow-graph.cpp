// taskflow's task graphs against the real headers (header-only, not in
// Debian: the corpus's copy, bench/fetch-corpus; the feature is absent
// without it). The tasks of a tf::Taskflow that no precede/succeed chain
// orders run at the same time when executor.run(taskflow) runs the graph;
// a run waited for at once is a scoped spawn of each task
// (Models/Executors.def, FEARLESS_TASK_GRAPH).
// REQUIRES: taskflow
// RUN: %fearless -std=c++17 -isystem %taskflow-dir -Xclang -verify %s
#include <taskflow/taskflow.hpp>

int unordered(tf::Executor &executor) {
  int winner = 0;
  tf::Taskflow taskflow;
  auto [left, right] = taskflow.emplace(
      [&] { winner = 1; }, // expected-warning {{data race on 'winner'}} expected-note {{help: make 'winner' a std::atomic<int>}} expected-note {{one thread is spawned here}}
      [&] { winner = 2; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  left.name("left");
  executor.run(taskflow).wait();
  return winner;
}

int ordered(tf::Executor &executor) {
  int winner = 0;
  tf::Taskflow taskflow;
  tf::Task first = taskflow.emplace([&] { winner = 1; }).name("first");
  tf::Task second = taskflow.emplace([&] { winner = 2; });
  second.succeed(first);
  tf::Future<void> done = executor.run(taskflow);
  done.get();
  return winner;
}

int waited_for_all(tf::Executor &executor) {
  int winner = 0;
  tf::Taskflow taskflow;
  auto [a, b, c] = taskflow.emplace([&] { winner = 1; }, [] {},
                                    [&] { winner = 3; });
  a.precede(b);
  b.precede(c);
  executor.run(taskflow);
  executor.wait_for_all();
  return winner;
}
