// The correct twins of sync-value-reference-after-unlock.cpp and
// sync-value-reference-after-guard-moved.cpp: the reference is used before
// the guard unlocks; the guard is locked again before the reference is
// used; the guard unlocks only on a path that returns; the guard is moved
// into a local that lives past the use.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <folly/Synchronized.h>
#include <utility>
#include <vector>

folly::Synchronized<std::vector<int>> values;
void log(int);

void use_then_unlock(int x) {
  auto g = values.wlock();
  auto &v = *g;
  v.push_back(x);
  g.unlock();
  log(x);
}

void relock_before_use(int x) {
  auto g = values.wlock();
  auto &v = *g;
  v.push_back(x);
  g.unlock();
  log(x);
  g = values.wlock();
  v.push_back(x + 1);
}

void unlock_and_return(int x, bool stop) {
  auto g = values.wlock();
  auto &v = *g;
  if (stop) {
    g.unlock();
    log(x);
    return;
  }
  v.push_back(x);
}

void moved_guard_outlives_use(int x) {
  auto g = values.wlock();
  auto &v = *g;
  auto moved = std::move(g);
  v.push_back(x);
}

#ifdef FEARLESS_RUN
#include <thread>
void log(int) {}
void work(int i) {
  use_then_unlock(i);
  relock_before_use(i);
  unlock_and_return(i, i % 2);
  moved_guard_outlives_use(i);
}
int main() {
  std::thread a([] {
    for (int i = 0; i < 1000; ++i)
      work(i);
  });
  for (int i = 0; i < 1000; ++i)
    work(-i);
  a.join();
}
#endif
