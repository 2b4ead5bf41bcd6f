// A temporary thread dies at the end of its full-expression.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void step();

void temporary() {
  std::thread{step}; // expected-warning {{temporary thread is destroyed at the end of the full-expression while still joinable}} expected-note {{the thread is started here}} expected-note {{join it before}}
}
