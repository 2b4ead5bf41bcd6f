// Templates: reported at the instantiation that crosses the thread, naming
// the template arguments.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct FEARLESS_NOT_SEND Handle {}; // expected-note {{'Handle' is marked fearless::not_send here}}

template <class T> void runAway(T value) {
  std::thread([value] { (void)value; }).detach(); // expected-warning {{'value' is sent to another thread, but its type 'Handle' is not Send}} expected-note {{spawned here}}
}

void callers() {
  runAway(1);
  runAway(Handle{}); // expected-note {{in instantiation of 'runAway<Handle>' requested here}}
}
