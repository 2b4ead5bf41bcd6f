// continue skips the rest of the body, join included.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void step(int);
bool skip(int);

void batches() {
  for (int i = 0; i < 10; ++i) {
    std::thread t(step, i); // expected-note {{the thread is started here}}
    if (skip(i))
      continue; // expected-warning {{'t' is destroyed while still joinable}}
    t.join(); // expected-note {{joined here, but this path does not reach it}}
  }
}
