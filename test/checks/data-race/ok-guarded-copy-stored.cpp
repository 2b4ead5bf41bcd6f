// The correct twin of guarded-pointer-stored-in-member.cpp and
// guarded-pointer-stored-in-out-parameter.cpp: what is stored in the
// member and through the out-parameter is a copy of the element, made while
// the lock is held.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <mutex>
#include <vector>

struct Item {
  int x = 0;
};

class Catalog {
public:
  explicit Catalog(unsigned n) : items_(n) {}
  void select(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    current_ = items_[k];
  }
  void find(unsigned k, Item *out) {
    std::lock_guard<std::mutex> g(m_);
    *out = items_[k];
  }
  int current() const { return current_.x; }
  void bump(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    items_[k].x++;
  }

private:
  std::mutex m_;
  std::vector<Item> items_;
  Item current_;
};

int read_first(Catalog &c) {
  Item copy;
  c.find(0, &copy);
  return copy.x;
}

#ifdef FEARLESS_RUN
#include <atomic>
#include <cstdio>
#include <thread>
int main() {
  Catalog c(4);
  c.select(0);
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      c.bump(0);
  });
  while (!go) {
  }
  long sum = 0;
  for (int i = 0; i < 100000; ++i)
    sum += c.current() + read_first(c);
  t.join();
  std::printf("%ld\n", sum);
}
#endif
