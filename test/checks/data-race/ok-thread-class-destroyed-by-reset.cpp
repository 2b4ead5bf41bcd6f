// A heap object of a thread class whose destructor joins, destroyed by
// reset() before the read: the thread has finished. `delete p` and
// `p.reset()` destroy a handle's object as its going out of scope does.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class.h"
#include <memory>

long hits;
void record() { ++hits; }

long sample() {
  auto t = std::make_unique<JoiningThread>(record);
  t->start();
  t.reset();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
