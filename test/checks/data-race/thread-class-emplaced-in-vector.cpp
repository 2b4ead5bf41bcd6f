// Objects of a thread class kept by value in a std::vector: emplace_back(f)
// constructs each from a callable inside the container, ws[i].start()
// starts it. A read between start() and join() of what the thread writes
// is a data race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
#include "classes/thread_class_shapes.h"
#include <vector>

long hits;
void record() { ++hits; } // expected-warning {{data race on 'hits': this write can run at the same time as a read in another thread}} expected-note {{help: make 'hits' a std::atomic<long>}}

long sample() {
  std::vector<MovableWorker> ws;
  ws.reserve(1);
  ws.emplace_back(record);
  ws[0].start(); // expected-note {{the thread is spawned here}}
  long seen = hits; // expected-note {{the other read is here}}
  ws[0].join(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return sample() > 1; }
#endif
