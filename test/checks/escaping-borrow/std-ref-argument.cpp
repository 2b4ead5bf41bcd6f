// std::ref hands the thread a reference to a local.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <functional>
#include <thread>

void fill(int &out);

void refArgument() {
  int result = 0;
  std::thread t(fill, std::ref(result)); // expected-warning {{thread may outlive 'result'}} expected-note {{'result' is passed to the thread by reference here}}
  t.detach(); // expected-note {{detached here}}
} // expected-note {{'result' is destroyed here}}
