// The twin of thread-class-constructor-starts-outlives-local.cpp: this
// thread class starts the thread in its constructor's initializer list and
// its destructor joins it, so the lambda has finished before the local it
// borrows is destroyed (the object is declared after it). No report.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"

void record(int);

void schedule() {
  int request = 5;
  InitStartedThread t([&] { record(request); });
}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  schedule();
  return 0;
}
#endif
