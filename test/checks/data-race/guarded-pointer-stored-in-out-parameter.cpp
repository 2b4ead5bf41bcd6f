// A pointer to an element of the guarded vector stored through an
// out-parameter under the lock: the lock is released when find() returns,
// and the caller reads the element while bump() writes it under the lock.
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
  void find(unsigned k, Item **out) {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    *out = &items_[k]; // expected-warning {{pointer to 'items_' escapes the lock 'm_' that guards it}} expected-note {{the pointer to 'items_' is taken here, while 'm_' is held}} expected-note {{it is stored in 'out' here, an out-parameter that keeps it after 'm_' is released}} expected-note {{help: store a copy, made while 'm_' is held, instead of a pointer, or dereference 'out' only while 'm_' is held}}
  } // expected-note {{'m_' is released here, when 'find' returns}}
  void bump(unsigned k) {
    std::lock_guard<std::mutex> g(m_);
    items_[k].x++; // expected-note {{'items_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  std::vector<Item> items_;
};

int read_first(Catalog &c) {
  Item *p = nullptr;
  c.find(0, &p); // expected-note {{'find' is called here: the caller uses the pointer after 'm_' is released}}
  return p->x;
}

#ifdef FEARLESS_RUN
#include <atomic>
#include <cstdio>
#include <thread>
int main() {
  Catalog c(4);
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
    sum += read_first(c);
  t.join();
  std::printf("%ld\n", sum);
}
#endif
