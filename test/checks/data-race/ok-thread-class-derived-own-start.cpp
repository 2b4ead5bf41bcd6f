// The twin of thread-class-derived-passes-callable.cpp: this derived class
// declares its own start(), which runs the callable on the calling thread,
// so its objects start no thread and the read after start() races with
// nothing. No report.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"

long hits;
void record() { ++hits; }

long sample() {
  InlineThread t(record);
  t.start();
  long seen = hits;
  t.join();
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
