// A detached thread captures a local by reference: the local dies first.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void work(int);

void detachedCapture() {
  int counter = 0;
  std::thread t([&counter] { work(counter); }); // expected-warning {{thread may outlive 'counter', which it borrows [fearless-escaping-borrow]}} expected-note {{'counter' is captured by reference here}} expected-note {{capture 'counter' by copy so that the thread owns its own copy}}
  t.detach(); // expected-note {{the thread is detached here}}
} // expected-note {{'counter' is destroyed here}}
