// The twin of ok-spawn-and-join-under-same-flag.c: the join is under
// another flag, so the write after it can meet the running thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void otherFlag(bool spawn, bool wait) {
  int x = 0;
  std::thread t;
  if (spawn)
    t = std::thread([&] { x = 1; }); // expected-warning {{data race on 'x': this write can run at the same time as a write in another thread}} expected-note {{help: make 'x' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  if (wait)
    t.join();
  x = 2;      // expected-note {{the other write is here}}
  if (t.joinable())
    t.join(); // expected-note {{joins it only here}}
}
