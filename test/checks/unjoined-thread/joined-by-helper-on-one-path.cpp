// A helper that joins a thread it is given joins it only where it is
// called: on the path that skips the call, the thread is destroyed still
// joinable.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: abort
#include <thread>
static void join_one(std::thread &t) { t.join(); }
int run(bool quick) {
  std::thread u([] {}); // expected-note {{the thread is started here}}
  if (quick)
    return 1; // expected-warning {{'u' is destroyed while still joinable, which calls std::terminate}}
  join_one(u); // expected-note {{'u' is joined here, but this path does not reach it}}
  return 0;
}

#ifdef FEARLESS_RUN
int main() { return run(true); } // terminates
#endif
