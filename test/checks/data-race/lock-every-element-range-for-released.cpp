// The twin of ok-lock-every-element-range-for.cpp: clear() releases every
// lock of the table before it replaces the buckets an insert reads under
// one of them.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

class spinlock {
public:
  void lock() {
    while (flag_.test_and_set(std::memory_order_acq_rel)) {
    }
  }
  void unlock() { flag_.clear(std::memory_order_release); }

private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

class SpinTable {
public:
  SpinTable() : locks_(8), buckets_(new int[64]()) {}
  ~SpinTable() { delete[] buckets_; }
  void insert(std::size_t h, int v) {
    locks_[h % 8].lock(); // expected-note {{'t.locks_[...]' is held here, but not at the other access}}
    buckets_[h % 64] = v; // expected-note {{the other read is here}}
    locks_[h % 8].unlock();
  }
  void clear() {
    for (spinlock &l : locks_)
      l.lock();
    for (spinlock &l : locks_)
      l.unlock();
    int *old = buckets_;
    buckets_ = new int[64](); // expected-warning {{data race on 't.buckets_'}} expected-note {{help: hold 't.locks_[...]' at the other access too}}
    delete[] old;
  }

private:
  std::vector<spinlock> locks_;
  int *buckets_;
};

void run() {
  SpinTable t;
  std::thread a([&] { // expected-note {{the thread is spawned here}}
    for (int i = 0; i < 100000; ++i)
      t.insert(i, i); // expected-note {{reached through this call}}
  });
  for (int i = 0; i < 100; ++i)
    t.clear(); // expected-note {{reached through this call}}
  a.join(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
