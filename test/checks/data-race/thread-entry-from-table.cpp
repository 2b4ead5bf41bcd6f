// A thread's entry point taken from a constant table of function pointers
// with a constant index: the thread runs that element's function.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

struct State {
  long n = 0;
};

static void bump(State *s) {
  for (int i = 0; i < 100000; ++i)
    ++s->n; // expected-warning {{data race on 's.n'}} expected-note {{help: make 's.n' a std::atomic<long>}}
}
static void peek(State *s) { (void)s; }

static void (*const entries[])(State *) = {peek, bump};

int main() {
  State s;
  std::thread t(entries[1], &s); // expected-note {{the thread is spawned here}}
  for (int i = 0; i < 100000; ++i)
    ++s.n; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return s.n == 0;
}
