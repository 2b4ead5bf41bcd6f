// The twin of ok-static-initializer-once.cpp: the static's guard orders its
// initializer only with other calls that reach it, not with a plain read.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

int created = 0;

int makeId() {
  ++created; // expected-warning {{data race on 'created': this write can run at the same time as a read in another thread}} expected-note {{help: make 'created' a std::atomic<int>}}
  return 7;
}

int &id() {
  static int v = makeId(); // expected-note {{reached through this call}} expected-note {{this runs once, in the initializer of the static 'v'}}
  return v;
}

void initializeWhileReading() {
  std::thread t([] { id(); }); // expected-note {{the thread is spawned here}} expected-note {{reached through this call}}
  int seen = created;          // expected-note {{the other read is here}}
  (void)seen;
  t.join(); // expected-note {{joins it only here}}
}
