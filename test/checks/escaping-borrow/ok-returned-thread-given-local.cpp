// The twin of returned-thread-given-local.cpp: the caller joins the thread
// before its local dies, and a helper that copies what it needs out of the
// state (`[n = s->hits]`) keeps nothing of the caller's.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include <thread>

void pause_ms(int);

struct State {
  long hits = 0;
};

void work(State *s) {
  pause_ms(50);
  s->hits++;
}

std::thread start_worker(State *s, bool quick) {
  if (quick)
    return std::thread([s] { s->hits = 1; });
  return std::thread(work, s);
}

std::thread start_copy(State *s) {
  return std::thread([n = s->hits] { pause_ms(int(n)); });
}

long fire(bool quick) {
  State state;
  std::thread t = start_worker(&state, quick);
  t.join();
  State other;
  start_copy(&other).detach();
  return state.hits;
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  fire(false);
  pause_ms(200);
}
#endif
