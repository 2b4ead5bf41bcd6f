// A helper with several return statements returns one of two threads it
// starts on the state it is given: each is a possible thread of the call.
// The slow one counts misses, which the caller counts too before joining.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

struct State {
  long hits = 0;
  long misses = 0;
};

void fast(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->hits++;
}

void slow(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->misses++; // expected-warning {{data race on 'state.misses': this write can run at the same time as a write in another thread}} expected-note {{help: make 'state.misses' a std::atomic<long>}}
}

std::thread start_worker(State *s, bool quick) {
  if (quick)
    return std::thread(fast, s);
  return std::thread(slow, s); // expected-note {{'start_worker' starts the thread here and returns it}}
}

long run(bool quick) {
  State state;
  std::thread t = start_worker(&state, quick); // expected-note {{the thread is spawned here}}
  for (int i = 0; i < 100000; ++i)
    state.misses++; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return state.hits + state.misses;
}

#ifdef FEARLESS_RUN
int main() { return run(false) == 7; }
#endif
