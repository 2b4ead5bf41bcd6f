// A std::thread made with new into a raw local pointer, joined through it
// and deleted: the pointer owns the thread object, `t->join()` joins it.
// (It was taken as leaked, and the borrow reported.)
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include <thread>

void record(int);

void schedule() {
  int request = 5;
  std::thread *t = new std::thread([&] { record(request); });
  t->join();
  delete t;
}

#ifdef FEARLESS_RUN
volatile int seen;
void record(int r) { seen = r; }
int main() {
  schedule();
  return 0;
}
#endif
