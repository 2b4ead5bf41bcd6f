// A thread function given a pointer to the spawner's local
// (`std::thread(work, &state)`) touches what the pointer points at; the
// spawner writes the same object before it joins.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

struct State {
  long hits = 0;
};

void work(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->hits++; // expected-warning {{data race on 'state.hits': this write can run at the same time as a write in another thread}} expected-note {{help: make 'state.hits' a std::atomic<long>}}
}

long run() {
  State state;
  std::thread t(work, &state); // expected-note {{the thread is spawned here}}
  for (int i = 0; i < 100000; ++i)
    state.hits++; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return state.hits;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
