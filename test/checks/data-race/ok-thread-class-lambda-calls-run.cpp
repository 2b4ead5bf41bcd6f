// The twin of thread-class-lambda-calls-run.cpp: the write before start()
// happens before the thread runs, and the read after join() happens after it.
// No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"

long hits;
void record() { ++hits; }

long sample() {
  LambdaRunThread t(record);
  hits = 10;
  t.start();
  t.join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 11; }
#endif
