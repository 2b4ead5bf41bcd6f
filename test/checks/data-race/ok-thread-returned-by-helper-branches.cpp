// The twin of thread-returned-by-helper-branches.cpp: both threads the
// helper may return write the same field, but one call starts only one of
// them, and the caller reads the state only after joining it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <thread>

struct State {
  long hits = 0;
};

void fast(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->hits++;
}

void slow(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->hits += 1;
}

std::thread start_worker(State *s, bool quick) {
  if (quick)
    return std::thread(fast, s);
  if (!s)
    return std::thread();
  return std::thread(slow, s);
}

long run(bool quick) {
  State state;
  long mine = 0;
  std::thread t = start_worker(&state, quick);
  for (int i = 0; i < 100000; ++i)
    mine++;
  t.join();
  return state.hits + mine;
}

#ifdef FEARLESS_RUN
int main() { return run(false) + run(true) == 7; }
#endif
