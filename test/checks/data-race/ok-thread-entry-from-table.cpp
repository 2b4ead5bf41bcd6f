// A thread's entry point taken from a constant table of function pointers
// with a constant index: the element chosen only reads, so a read beside it
// is no race (the other element, which writes, does not run).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <thread>

struct State {
  long n = 0;
};

static void bump(State *s) {
  for (int i = 0; i < 100000; ++i)
    ++s->n;
}
static long seen;
static void peek(State *s) {
  for (int i = 0; i < 100000; ++i)
    seen += s->n;
}

static void (*const entries[])(State *) = {peek, bump};

int main() {
  State s;
  std::thread t(entries[0], &s);
  long total = 0;
  for (int i = 0; i < 100000; ++i)
    total += s.n;
  t.join();
  return int(total + seen) == -1;
}
