// An alias can carry the annotation.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct RawHandle {
  int fd;
};
using Handle FEARLESS_NOT_SEND = RawHandle; // expected-note {{'Handle' (aka 'RawHandle') is marked fearless::not_send here}}

void start(Handle h) {
  std::thread t([h] { (void)h; }); // expected-warning {{'h' is sent to another thread, but its type 'Handle' (aka 'RawHandle') is not Send}} expected-note {{spawned here}}
  t.join();
}
