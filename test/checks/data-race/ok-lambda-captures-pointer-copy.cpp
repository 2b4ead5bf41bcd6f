// The twin of lambda-captures-pointer-copy.cpp: the copied pointer points at
// another object than the one the spawner writes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <thread>

struct State {
  long hits = 0;
};

long run() {
  State mine, theirs;
  State *p = &theirs;
  std::thread t([p] {
    for (int i = 0; i < 100000; ++i)
      p->hits++;
  });
  for (int i = 0; i < 100000; ++i)
    mine.hits++;
  t.join();
  return mine.hits + theirs.hits;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
