// A reference into a folly::Synchronized value taken through a guard kept
// in a local, used after the guard was moved into a function's by-value
// parameter: the function owns the guard and destroys it (unlocking) by the
// end of the call, so the push_back after it runs without the lock while
// another thread may append too. Passing the guard by reference keeps it
// here (ok-sync-value-guard-passed-by-reference.cpp).
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <utility>
#include <vector>

using Values = folly::Synchronized<std::vector<int>>;
Values values;
void audit(Values::WLockedPtr locked);

void append(int x) {
  auto g = values.wlock(); // expected-note {{'wlock' locks 'values' here and returns a guard, which holds the lock only while it lives}}
  auto &v = *g; // expected-note {{the reference is taken through the guard here}}
  v.push_back(x);
  audit(std::move(g)); // expected-note {{the guard 'g' is given to 'audit' here, which destroys it and unlocks 'values'}}
  v.push_back(x + 1); // expected-warning {{reference into 'values' is used after the lock that guards it is released}} expected-note {{help: use the reference only before 'g' releases the lock, or take it again through a new guard}}
}

#ifdef FEARLESS_RUN
#include <thread>
void audit(Values::WLockedPtr locked) { (void)locked->size(); }
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
