// The twin of thread-class-constructor-starts.cpp: this constructor calls
// start() only under `if (autostart)`, so the object made with false runs
// from the later start() call; the write before it and the read after
// join() are ordered with the thread. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"

long hits;
void record() { ++hits; }

long sample() {
  SelfStartingThread t(record, false);
  hits = 10;
  t.start();
  t.join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 11; }
#endif
