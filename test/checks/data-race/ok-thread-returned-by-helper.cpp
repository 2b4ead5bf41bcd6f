// The twin of thread-returned-by-helper.cpp: the caller touches the state
// only after joining the thread the helper returned, and a second thread
// works on a state of its own.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <thread>

struct State {
  long hits = 0;
};

void work(State *s) {
  for (int i = 0; i < 100000; ++i)
    s->hits++;
}

std::thread start_worker(State *s) {
  std::thread t(work, s);
  return t;
}

long run() {
  State mine, theirs;
  std::thread t = start_worker(&theirs);
  for (int i = 0; i < 100000; ++i)
    mine.hits++;
  t.join();
  theirs.hits++;
  return mine.hits + theirs.hits;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
