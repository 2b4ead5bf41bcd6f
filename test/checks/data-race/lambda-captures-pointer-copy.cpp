// A lambda that copies the spawner's pointer (`[p]`) touches what it points
// at, as the spawner does through the object itself.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

struct State {
  long hits = 0;
};

long run() {
  State state;
  State *p = &state;
  std::thread t([p] { // expected-note {{the thread is spawned here}}
    for (int i = 0; i < 100000; ++i)
      p->hits++; // expected-warning {{data race on 'state.hits': this write can run at the same time as a write in another thread}} expected-note {{help: make 'state.hits' a std::atomic<long>}}
  });
  for (int i = 0; i < 100000; ++i)
    state.hits++; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return state.hits;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
