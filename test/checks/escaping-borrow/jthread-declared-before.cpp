// A std::jthread joins when destroyed, but this one is destroyed after the
// local it borrows.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <thread>

void use(int &);

void jthreadFirst() {
  std::jthread worker; // expected-note {{the thread is still running in 'worker', which is destroyed after 'data'}}
  int data = 0;
  worker = std::jthread([&] { use(data); }); // expected-warning {{thread may outlive 'data'}} expected-note {{captured by reference here}}
} // expected-note {{'data' is destroyed here}}
