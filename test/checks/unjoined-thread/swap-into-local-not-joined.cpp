// The twin of ok-swap-into-handle.cpp: after the swap t owns the thread, and
// t is destroyed while joinable.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void swapThenForget() {
  std::thread t;
  std::thread([] {}).swap(t); // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed}}
} // expected-warning {{'t' is destroyed while still joinable, which calls std::terminate}}
