// The twin of sync-value-reference-during-scoped-unlock.cpp: the reference
// is used only while the guard holds the lock, before the scopedUnlock()
// and after the unlocker's block, where its destruction took the lock
// again; the unlocked block only does other work.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <folly/Synchronized.h>
#include <vector>

folly::Synchronized<std::vector<int>> values;
void slowWork(int);

void append(int x) {
  auto g = values.wlock();
  auto &v = *g;
  v.push_back(x);
  {
    auto u = g.scopedUnlock();
    slowWork(x);
  }
  v.push_back(x + 1); // locked again
  g.scopedUnlock();   // a temporary unlocker relocks at once
  v.push_back(x + 2);
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
