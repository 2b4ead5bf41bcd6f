// The twin of ok-reference-binding.cpp: binding the reference reads nothing,
// but a plain write through it races with the spawner's write.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

struct Executor {
  int configured = 0;
};

void writeThroughReference() {
  Executor e;
  std::thread t([&] { // expected-note {{the thread is spawned here}}
    auto &x = e;
    x.configured = 1; // expected-warning {{data race on 'e.configured': this write can run at the same time as a write in another thread}} expected-note {{help: make 'e.configured' a std::atomic<int>}}
  });
  e.configured = 2; // expected-note {{the other write is here}}
  t.join();         // expected-note {{joins it only here}}
}
