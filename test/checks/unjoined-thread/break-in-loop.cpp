// break leaves the loop body, destroying the thread before its join.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void step(int);
bool failed(int);

void batches() {
  for (int i = 0; i < 10; ++i) {
    std::thread t(step, i); // expected-note {{the thread is started here}}
    if (failed(i))
      break; // expected-warning {{'t' is destroyed while still joinable}}
    t.join(); // expected-note {{'t' is joined here, but this path does not reach it}}
  }
}
