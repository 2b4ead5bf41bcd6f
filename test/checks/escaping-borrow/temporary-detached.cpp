// The usual fire-and-forget idiom, borrowing a local.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void fireAndForget() {
  int hits = 0;
  std::thread([&] { ++hits; }).detach(); // expected-warning {{thread may outlive 'hits'}} expected-note {{'hits' is captured by reference here}} expected-note {{the thread is detached here}}
} // expected-note {{'hits' is destroyed here}}
