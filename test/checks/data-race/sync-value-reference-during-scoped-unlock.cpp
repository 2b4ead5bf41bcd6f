// A reference into a folly::Synchronized value taken through a guard kept
// in a local, used while the guard's scopedUnlock() has released the lock:
// the lock is released until the unlocker `u` is destroyed at the end of
// its block, so the push_back inside that block runs without it while
// another thread may append too. A use after the block runs locked again
// (ok-sync-value-after-scoped-unlock.cpp).
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <vector>

folly::Synchronized<std::vector<int>> values;
void slowWork(int);

void append(int x) {
  auto g = values.wlock(); // expected-note {{'wlock' locks 'values' here and returns a guard, which holds the lock only while it lives}}
  auto &v = *g; // expected-note {{the reference is taken through the guard here}}
  v.push_back(x);
  {
    auto u = g.scopedUnlock(); // expected-note {{the guard 'g' unlocks 'values' here until the end of this block}}
    slowWork(x);
    v.push_back(x + 1); // expected-warning {{reference into 'values' is used after the lock that guards it is released}} expected-note {{help: use the reference only before 'g' releases the lock, or take it again through a new guard}}
  }
}

#ifdef FEARLESS_RUN
#include <thread>
void slowWork(int) { std::this_thread::yield(); }
int main() {
  std::thread a([] {
    for (int i = 0; i < 20000; ++i)
      append(i);
  });
  for (int i = 0; i < 20000; ++i)
    append(-i);
  a.join();
}
#endif
