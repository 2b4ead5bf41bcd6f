// The correct twin of guarded-pointer-stored-in-member.cpp and
// guarded-pointer-stored-in-global.cpp: the stored pointer is dereferenced
// only with the same lock held, in every member function that reads it
// (a private helper is called only under the lock).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <mutex>
#include <vector>

struct Item {
  int x = 0;
};

Item *g_last = nullptr;

class Catalog {
public:
  explicit Catalog(unsigned n) : items_(n) {}
  void select(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    current_ = &items_[k];
    g_last = &items_[k];
  }
  int current() const {
    std::lock_guard<std::mutex> g(m_);
    return read() + g_last->x;
  }
  void bump(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    items_[k].x++;
  }

private:
  int read() const { return current_->x; }
  mutable std::mutex m_;
  std::vector<Item> items_;
  Item *current_ = nullptr;
};

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
    sum += c.current();
  t.join();
  std::printf("%ld\n", sum);
}
#endif
