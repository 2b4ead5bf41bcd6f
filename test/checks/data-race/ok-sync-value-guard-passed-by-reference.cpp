// The twin of sync-value-reference-after-guard-given-away.cpp: the guard is
// passed by reference, so it stays here and holds the lock until the end
// of the function; the push_back after the call runs locked.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <folly/Synchronized.h>
#include <utility>
#include <vector>

using Values = folly::Synchronized<std::vector<int>>;
Values values;
void audit(const Values::WLockedPtr &locked);

void append(int x) {
  auto g = values.wlock();
  auto &v = *g;
  v.push_back(x);
  audit(g);
  v.push_back(x + 1);
}

#ifdef FEARLESS_RUN
#include <thread>
void audit(const Values::WLockedPtr &locked) { (void)locked->size(); }
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
