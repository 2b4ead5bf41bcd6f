// fearless::not_sync on a type.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct FEARLESS_NOT_SYNC Cursor { // expected-note {{'Cursor' is marked fearless::not_sync here}}
  int pos;
};

void advance(Cursor &);

void share() {
  Cursor c{0};
  std::thread t([&c] { advance(c); }); // expected-warning {{'c' is shared with another thread, but its type 'Cursor' is not Sync}} expected-note {{spawned here}}
  advance(c); // expected-note {{'c' is also used here while the thread may still run}}
  t.join();
}
