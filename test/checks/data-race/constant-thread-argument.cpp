// The twin of ok-constant-thread-argument.cpp: the constant leads both sides
// to the same write.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <functional>
#include <thread>

struct Stats {
  int first = 0;
  int rest = 0;
};

void record(Stats &s, bool isFirst) {
  if (isFirst)
    s.first++; // expected-warning {{data race on 's.first': this write can run at the same time as a write in another thread}} expected-note {{help: make 's.first' a std::atomic<int>}} expected-note {{the other thread runs this same write}}
  else
    s.rest++;
}

void sameField() {
  Stats s;
  std::thread t(record, std::ref(s), true); // expected-note {{the thread is spawned here}}
  record(s, true); // expected-note {{reached through this call}}
  t.join();        // expected-note {{joins it only here}}
}
