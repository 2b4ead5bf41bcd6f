// The twins of heap-object-captured-by-copy.cpp: the spawner reads the
// object only after the join, and one object per loop iteration is each
// thread's own.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <thread>
#include <vector>

struct Timer {
  long seq = 1;
};

long joined() {
  Timer *t = new Timer;
  std::thread th([t] { t->seq = 2; });
  th.join();
  long s = t->seq;
  delete t;
  return s;
}

void perIteration(std::vector<std::thread> &ts) {
  for (int i = 0; i < 4; ++i) {
    Timer *t = new Timer;
    ts.emplace_back([t] {
      t->seq = 2;
      delete t;
    });
  }
}

#ifdef FEARLESS_RUN
int main() {
  long s = joined();
  std::vector<std::thread> ts;
  perIteration(ts);
  for (std::thread &t : ts)
    t.join();
  return s == 7;
}
#endif
