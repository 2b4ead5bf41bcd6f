// The twin of pointer-chain-three-calls.cpp: the two contexts point at
// different counters, and writing the pointer of one context does not touch
// the counter the other thread reaches through its own.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <thread>

struct Stats {
  long n = 0;
};
struct Ctx {
  Stats *s;
};

void bump3(Stats *s) {
  for (int i = 0; i < 100000; ++i)
    s->n++;
}
void bump2(Ctx *c) { bump3(c->s); }
void bump1(Ctx *c) { bump2(c); }

long run() {
  Stats a, b;
  Ctx ca{&a}, cb{&b};
  std::thread t(bump1, &ca);
  bump1(&cb);
  t.join();
  return a.n + b.n;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
