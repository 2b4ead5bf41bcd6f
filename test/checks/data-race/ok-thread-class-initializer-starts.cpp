// The twin of thread-class-initializer-starts.cpp: the write before the
// object is constructed happens before the thread starts, and the read
// after join() happens after it ends. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"

long hits;
void record() { ++hits; }

long sample() {
  hits = 10;
  InitStartedThread t(record);
  t.join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 11; }
#endif
