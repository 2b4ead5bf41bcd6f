// Capturing a pointer by copy still borrows what it points to.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void use(int *);

void pointerCapture() {
  int buffer = 0;
  int *cursor = &buffer;
  std::thread([cursor] { use(cursor); }).detach(); // expected-warning {{thread may outlive 'buffer'}} expected-note {{'cursor' points to 'buffer' and is passed to the thread here}} expected-note {{detached here}}
} // expected-note {{'buffer' is destroyed here}}
