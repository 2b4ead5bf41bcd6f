// The twin of ok-thread-argument-guard-clause.cpp: the `if (!flag)` branch
// only logs and falls through, so the thread started with `false` still
// writes `x`.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>

void note(const char *);

int guardClause() {
  int x = 0;
  auto body = [&](bool flag) {
    if (!flag)
      note("not flagged");
    x = 1; // expected-warning {{data race on 'x'}} expected-note {{help:}}
  };
  std::thread t(body, false); // expected-note {{the thread is spawned here}}
  x = 2; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return x;
}

#ifdef FEARLESS_RUN
void note(const char *) {}
int main() { return guardClause() > 0 ? 0 : 1; }
#endif
