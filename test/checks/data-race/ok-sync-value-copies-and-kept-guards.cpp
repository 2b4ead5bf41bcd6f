// The correct twins of sync-value-*.cpp: a copy of the value, a guard kept
// in a local while the reference into the value is used, a guard used
// within one expression, a callable that returns a copy (withWLock returns
// `auto`, so even a reference it returns is copied), and a wrapper that is
// the function's own local (not shared with anything).
// RUN: %fearless-mock -std=c++17 -I %test-inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <folly/Synchronized.h>
#include <string>
#include <vector>

folly::Synchronized<std::vector<int>> values;

class Account {
public:
  std::string name() const { return *name_.rlock(); }
  void rename(std::string n) { *name_.wlock() = std::move(n); }

private:
  folly::Synchronized<std::string> name_;
};

int work(int x) {
  std::vector<int> copy = *values.rlock();
  {
    auto locked = values.wlock();
    locked->push_back(x);
    auto &v = *locked;
    v.push_back(x + 1);
  }
  values.wlock()->push_back(x + 2);
  auto n = values.withRLock([](const std::vector<int> &v) { return v.size(); });
  std::vector<int> snapshot = values.withRLock(
      [](const std::vector<int> &v) -> const std::vector<int> & { return v; });
  folly::Synchronized<std::vector<int>> mine;
  auto &m = *mine.wlock();
  m.push_back(x);
  return int(copy.size() + n + snapshot.size() + m.size());
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  Account a;
  long total = 0;
  std::thread t([&] {
    for (int i = 0; i < 200; ++i) {
      work(i);
      a.rename(i % 2 ? "a fairly long name that is on the heap" : "short");
    }
  });
  for (int i = 0; i < 200; ++i)
    total += work(-i) + long(a.name().size());
  t.join();
  std::printf("%ld\n", total);
}
#endif
