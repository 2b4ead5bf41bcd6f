// A pointer to an element of the guarded vector stored in a member under
// the lock, then dereferenced by another member function without it, while
// a third member function writes the elements under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <mutex>
#include <vector>

struct Item {
  int x = 0;
};

class Catalog {
public:
  explicit Catalog(unsigned n) : items_(n) {}
  void select(unsigned k) {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    current_ = &items_[k]; // expected-warning {{pointer to 'items_' escapes the lock 'm_' that guards it}} expected-note {{the pointer to 'items_' is taken here, while 'm_' is held}} expected-note {{it is stored in 'current_' here, a member that keeps it after 'm_' is released}} expected-note {{help: store a copy, made while 'm_' is held, instead of a pointer, or dereference 'current_' only while 'm_' is held}}
  }
  int current() const {
    return current_->x; // expected-note {{'current_' is dereferenced here, in 'current', without 'm_'}}
  }
  void bump(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    items_[k].x++; // expected-note {{'items_' is written here, under 'm_', possibly at the same time}}
  }

private:
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
