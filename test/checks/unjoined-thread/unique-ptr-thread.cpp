// A thread owned by a unique_ptr dies with the pointer.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <memory>
#include <thread>

void step();

void owned() {
  auto worker = std::make_unique<std::thread>(step); // expected-note {{the thread is started here}} expected-note {{join it before}}
} // expected-warning {{'worker' is destroyed while still joinable}}
