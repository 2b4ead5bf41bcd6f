// A helper that joins the thread-class object it is given by reference
// (finish(w) calling w.join()) is a join, like join_all(ts) for a vector of
// std::threads: the read after it races with nothing.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class.h"

static void finish(StdThread &t) { t.join(); }

long hits;
void record() { ++hits; }

long sample() {
  StdThread t(record);
  t.start();
  finish(t);
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
