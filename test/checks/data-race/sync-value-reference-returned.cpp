// A getter returning a reference into a folly::Synchronized value: rlock()'s
// guard is destroyed when the return statement ends, so the caller reads
// the string without the lock while rename() may be assigning it.
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
#include <folly/Synchronized.h>
#include <string>
#include <utility>

class Account {
public:
  const std::string &name() const {
    return *name_.rlock(); // expected-warning {{reference into 'name_' is returned after the lock that guards it is released}} expected-note {{'rlock' locks 'name_' here and returns a guard, which holds the lock only while it lives}} expected-note {{the guard is a temporary: it is destroyed, and 'name_' unlocked, at the end of this statement}} expected-note {{help: return a copy, made while the lock is held, instead of a reference}}
  }
  void rename(std::string n) { *name_.wlock() = std::move(n); }

private:
  folly::Synchronized<std::string> name_;
};

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  Account a;
  std::thread t([&] {
    for (int i = 0; i < 20000; ++i)
      a.rename(i % 2 ? "a fairly long name that is on the heap" : "short");
  });
  size_t total = 0;
  for (int i = 0; i < 20000; ++i)
    total += a.name().size();
  t.join();
  std::printf("%zu\n", total);
}
#endif
