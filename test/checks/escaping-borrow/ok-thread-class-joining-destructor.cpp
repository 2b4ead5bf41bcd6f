// The twin of thread-class-outlives-local.cpp: the thread class's
// destructor joins the thread, so the lambda has finished before the local
// it borrows is destroyed (the object is declared after it). No report.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include "classes/thread_class.h"

void record(int);

void schedule() {
  int request = 5;
  JoiningThread t([&] { record(request); });
  t.start();
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
