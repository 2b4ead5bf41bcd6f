// A reference into a folly::Synchronized value taken through a guard kept
// in a local, whose lock is then moved into another guard that is
// destroyed at the end of the inner block: the last push_back runs without
// the lock although 'g' itself is still in scope.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <utility>
#include <vector>

folly::Synchronized<std::vector<int>> values;

void append(int x) {
  auto g = values.wlock(); // expected-note {{'wlock' locks 'values' here and returns a guard, which holds the lock only while it lives}}
  auto *v = &*g; // expected-note {{the pointer is taken through the guard here}}
  {
    auto moved = std::move(g); // expected-note {{the guard is moved from 'g' into 'moved' here, which holds the lock from then on}}
    moved->push_back(x);
  } // expected-note {{the guard 'moved' is destroyed here, which unlocks 'values'}}
  v->push_back(x + 1); // expected-warning {{pointer into 'values' is used after the lock that guards it is released}} expected-note {{help: use the pointer only before 'moved' releases the lock, or take it again through a new guard}}
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
