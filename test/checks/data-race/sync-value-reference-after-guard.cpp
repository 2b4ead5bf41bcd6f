// A reference into a folly::Synchronized value taken through a temporary
// guard: wlock()'s guard is destroyed at the end of the declaration, so the
// push_back runs without the lock while another thread may append too.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <vector>

folly::Synchronized<std::vector<int>> values;

void append(int x) {
  auto &v = *values.wlock(); // expected-note {{'wlock' locks 'values' here and returns a guard, which holds the lock only while it lives}} expected-note {{the reference is taken through the guard here}} expected-note {{the guard is a temporary: it is destroyed, and 'values' unlocked, at the end of this statement}}
  v.push_back(x); // expected-warning {{reference into 'values' is used after the lock that guards it is released}} expected-note {{help: keep the guard in a local variable ('auto locked = values.wlock()') while the reference is used, or copy the value out}}
}

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  std::thread a([] {
    for (int i = 0; i < 1000; ++i)
      append(i);
  });
  for (int i = 0; i < 1000; ++i)
    append(-i);
  a.join();
}
#endif
