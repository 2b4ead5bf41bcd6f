// Neither joined nor detached on any path.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void step();

void forgotten() {
  std::thread t(step); // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed, or detach it if it must outlive its handle}}
} // expected-warning {{'t' is destroyed while still joinable}}
