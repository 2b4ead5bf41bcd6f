// One named lambda is run twice on a task group (run(F &&) deduces a
// reference): both tasks increment one counter at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/task-group.h"

int count(TaskGroup &tg) {
  int counter = 0;
  auto body = [&counter] {
    for (int i = 0; i < 100000; ++i)
      ++counter; // expected-warning {{data race on 'counter'}} expected-note {{help: make 'counter' a std::atomic<int>}} expected-note {{the other thread runs this same write}}
  };
  tg.run(body); // expected-note {{one thread is spawned here}}
  tg.run(body); // expected-note {{the other thread is spawned here}}
  tg.wait();
  return counter;
}

#ifdef FEARLESS_RUN
int main() {
  TaskGroup tg(2);
  return count(tg) < 0;
}
#endif
