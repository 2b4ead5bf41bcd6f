// The twin of thread-class-local-object.cpp: what the function writes
// between constructing the thread object and start() happens before the
// thread runs, and what it reads after join() happens after. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class.h"

long hits;
void record() { ++hits; }

long sample() {
  StdThread t(record);
  hits = 10;
  t.start();
  t.join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 11; }
#endif
