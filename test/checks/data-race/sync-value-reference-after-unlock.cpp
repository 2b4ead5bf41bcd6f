// A reference into a folly::Synchronized value taken through a guard kept
// in a local: the guard's unlock() releases the lock, so the second
// push_back runs without it while another thread may append too. The
// borrow ends when its guard lets go of the lock, not at the end of the
// scope.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <vector>

folly::Synchronized<std::vector<int>> values;

void append(int x) {
  auto g = values.wlock(); // expected-note {{'wlock' locks 'values' here and returns a guard, which holds the lock only while it lives}}
  auto &v = *g; // expected-note {{the reference is taken through the guard here}}
  v.push_back(x);
  g.unlock(); // expected-note {{the guard 'g' unlocks 'values' here}}
  v.push_back(x + 1); // expected-warning {{reference into 'values' is used after the lock that guards it is released}} expected-note {{help: use the reference only before 'g' releases the lock, or take it again through a new guard}}
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
