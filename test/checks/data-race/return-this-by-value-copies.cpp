// The twin of ok-return-this-reference.cpp: snapshot() returns `*this` by
// value, and the copy reads every field, also the one the thread writes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

struct Stats {
  int hits = 0;
  Stats snapshot() const { return *this; } // expected-note {{the other read is here}}
};

int run() {
  Stats s;
  std::thread t([&] { // expected-note {{the thread is spawned here}}
    for (int i = 0; i < 100000; ++i)
      ++s.hits; // expected-warning {{data race on 's.hits'}} expected-note {{help:}}
  });
  Stats copy = s.snapshot(); // expected-note {{reached through this call}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return copy.hits >= 0 ? 0 : 1;
}

#ifdef FEARLESS_RUN
int main() { return run(); }
#endif
