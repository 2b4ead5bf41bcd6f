// The spawning function touches the counter while the thread may run.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

int tally() {
  int counter = 0;
  std::thread t([&] { ++counter; }); // expected-warning {{data race on 'counter': this write can run at the same time as a write in another thread}} expected-note {{help: make 'counter' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  counter += 10; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return counter; // fine: after the join
}
