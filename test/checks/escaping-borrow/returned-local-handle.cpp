// Returning the handle variable moves the running thread to the caller.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

std::thread startWorker() {
  int budget = 3;
  std::thread worker([&budget] { (void)budget; }); // expected-warning {{thread may outlive 'budget'}} expected-note {{captured by reference here}} expected-note {{capture 'budget' by copy}}
  return worker; // expected-note {{the thread's handle is returned here}} expected-note {{'budget' is destroyed here}}
}
