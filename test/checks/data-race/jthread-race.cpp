// std::jthread joins at the end of its scope: before that, both run.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <thread>

int scoped() {
  int total = 0;
  {
    std::jthread t([&] { total += 1; }); // expected-warning {{data race on 'total': this write can run at the same time as a write in another thread}} expected-note {{help: make 'total' a std::atomic<int>}} expected-note {{the thread is spawned here}}
    total += 2; // expected-note {{the other write is here}}
  }
  return total;
}
