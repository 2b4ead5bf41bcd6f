// An access three calls deep, through a pointer kept in a member
// (`c->s->n`), runs on a thread and in its spawner.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

struct Stats {
  long n = 0;
};
struct Ctx {
  Stats *s;
};

void bump3(Stats *s) {
  for (int i = 0; i < 100000; ++i)
    s->n++; // expected-warning {{data race on 'c.s->n': this write can run at the same time as a write in another thread}} expected-note {{help: make 'c.s->n' a std::atomic<long>}} expected-note {{the other thread runs this same write}}
}
void bump2(Ctx *c) { bump3(c->s); } // expected-note 2 {{reached through this call}}
void bump1(Ctx *c) { bump2(c); }    // expected-note 2 {{reached through this call}}

long run() {
  Stats st;
  Ctx c{&st};
  std::thread t(bump1, &c); // expected-note {{the thread is spawned here}}
  bump1(&c);                // expected-note {{reached through this call}}
  t.join();                 // expected-note {{the spawning function joins it only here}}
  return st.n;
}

#ifdef FEARLESS_RUN
int main() { return run() == 7; }
#endif
