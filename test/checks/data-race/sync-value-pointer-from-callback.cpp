// withWLock runs the lambda under the lock and returns what it returns: a
// pointer into the vector outlives the lock, and the write through it races
// with the reader that locks the vector.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <vector>

folly::Synchronized<std::vector<int>> counts{std::vector<int>(4)};

void bump() {
  int *first = counts.withWLock([](std::vector<int> &v) { return v.data(); }); // expected-warning {{pointer into 'counts' is returned from 'withWLock' after the lock that guards it is released}} expected-note {{'withWLock' runs the lambda with 'counts' locked, and unlocks it when the lambda returns}} expected-note {{the lambda returns a pointer into the value here}} expected-note {{help: return a copy, made while the lock is held, instead of a pointer}}
  *first += 1;
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  std::thread t([] {
    for (int i = 0; i < 20000; ++i)
      bump();
  });
  int seen = 0;
  for (int i = 0; i < 20000; ++i)
    seen += counts.withRLock([](const std::vector<int> &v) { return v[0]; });
  t.join();
  std::printf("%d\n", seen);
}
#endif
