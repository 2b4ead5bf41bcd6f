// The twin of thread-class-emplaced-in-vector.cpp: the write before start()
// happens before the thread runs, and the read after join() happens after
// it ends. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class_shapes.h"
#include <vector>

long hits;
void record() { ++hits; }

long sample() {
  std::vector<MovableWorker> ws;
  ws.reserve(1);
  ws.emplace_back(record);
  hits = 10;
  ws[0].start();
  ws[0].join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 11; }
#endif
