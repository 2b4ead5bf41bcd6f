// goto out of the thread's scope.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void step();
bool bad();

void withGoto() {
  {
    std::thread t(step); // expected-note {{the thread is started here}}
    if (bad())
      goto out; // expected-warning {{'t' is destroyed while still joinable}}
    t.join(); // expected-note {{joined here, but this path does not reach it}}
  }
out:
  return;
}
