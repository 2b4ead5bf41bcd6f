// The twin of thread-pointer-argument.cpp: the spawner touches the object
// only after the join, and the second thread gets an object of its own.
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

long run() {
  State a, b;
  std::thread t(work, &a);
  std::thread u(work, &b);
  t.join();
  u.join();
  a.hits++;
  return a.hits + b.hits;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
