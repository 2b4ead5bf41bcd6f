// Not Send derived through a base class.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct FEARLESS_NOT_SEND ThreadBound {}; // expected-note {{'ThreadBound' is marked fearless::not_send here}}
struct Widget : ThreadBound { // expected-note {{'Widget' is not Send because its base class 'ThreadBound' is not}}
  int size;
};

void draw(Widget);

void start(Widget w) {
  std::thread t(draw, w); // expected-warning {{'w' is sent to another thread, but its type 'Widget' is not Send}} expected-note {{the thread is spawned here}}
  t.join();
}
