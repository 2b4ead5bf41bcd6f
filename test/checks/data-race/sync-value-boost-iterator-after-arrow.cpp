// boost::synchronized_value locks for one expression through operator->
// and operator*: an iterator from `sv->begin()` and a reference from `*sv`
// are used after that lock is released, while another thread appends
// (Models/SyncValues.def, against the real Debian header).
// REQUIRES: boost-thread
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_thread
#include <boost/thread/synchronized_value.hpp>
#include <vector>

boost::synchronized_value<std::vector<int>> values;

int first() {
  auto it = values->begin(); // expected-note {{'operator->' locks 'values' here and returns a guard, which holds the lock only while it lives}} expected-note {{the iterator is taken through the guard here}} expected-note {{the guard is a temporary: it is destroyed, and 'values' unlocked, at the end of this statement}}
  return *it; // expected-warning {{iterator into 'values' is used after the lock that guards it is released}} expected-note {{help: keep the guard in a local variable ('auto locked = values.synchronize()') while the iterator is used, or copy the value out}}
}

void append(int x) {
  std::vector<int> &v = *values; // expected-note {{'operator*' locks 'values' here and returns a guard, which holds the lock only while it lives}} expected-note {{the reference is taken through the guard here}} expected-note {{the guard is a temporary: it is destroyed, and 'values' unlocked, at the end of this statement}}
  v.push_back(x); // expected-warning {{reference into 'values' is used after the lock that guards it is released}} expected-note {{help: keep the guard in a local variable ('auto locked = values.synchronize()') while the reference is used, or copy the value out}}
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  values->push_back(0);
  std::thread t([] {
    for (int i = 0; i < 2000; ++i)
      append(i);
  });
  long total = 0;
  for (int i = 0; i < 2000; ++i) {
    append(-i);
    total += first();
  }
  t.join();
  std::printf("%ld\n", total);
}
#endif
