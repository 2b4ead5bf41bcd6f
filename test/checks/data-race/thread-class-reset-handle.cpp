// A thread class that resets its std::unique_ptr<std::thread> handle to a new
// thread in start(): a read between start() and join() of what the thread
// writes is a data race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
#include "classes/thread_class_shapes.h"

long hits;
void record() { ++hits; } // expected-warning {{data race on 'hits': this write can run at the same time as a read in another thread}} expected-note {{help: make 'hits' a std::atomic<long>}}

long sample() {
  ResetThread t(record);
  t.start(); // expected-note {{the thread is spawned here}}
  long seen = hits; // expected-note {{the other read is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return sample() > 1; }
#endif
