// A lock table (libcuckoo's cuckoohash_map): an insert holds the one lock of
// its bucket, clear() takes every lock of the table in a range-for loop
// before it replaces the buckets, so it excludes every insert. The same for
// a user spinlock (lock()/unlock()) in a std::vector and for an array of
// std::mutex, and for a lock reached through a field of the element.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <atomic>
#include <cstddef>
#include <mutex>
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
    locks_[h % 8].lock();
    buckets_[h % 64] = v;
    locks_[h % 8].unlock();
  }
  void clear() {
    for (spinlock &l : locks_)
      l.lock();
    delete[] buckets_;
    buckets_ = new int[64]();
    for (spinlock &l : locks_)
      l.unlock();
  }

private:
  std::vector<spinlock> locks_;
  int *buckets_;
};

class MutexTable {
public:
  void insert(std::size_t h, int v) {
    std::lock_guard<std::mutex> g(locks_[h % 8]);
    buckets_[h % 64] = v;
    generation_seen_ = generation_;
  }
  void clear() {
    for (auto &l : locks_) {
      l.lock();
    }
    ++generation_;
    for (auto &l : locks_) {
      l.unlock();
    }
  }
private:
  int generation_ = 0;
  std::mutex locks_[8];
  int buckets_[64] = {};
  int generation_seen_ = 0;
};

struct Stripe {
  std::mutex mu;
  long count = 0;
};

class StripedCounter {
public:
  void add(std::size_t h) {
    std::lock_guard<std::mutex> g(stripes_[h % 4].mu);
    stripes_[h % 4].count += 1;
  }
  long total() {
    for (Stripe &s : stripes_)
      s.mu.lock();
    long sum = 0;
    for (Stripe &s : stripes_)
      sum += s.count;
    for (Stripe &s : stripes_)
      s.mu.unlock();
    return sum;
  }

private:
  Stripe stripes_[4];
};

void run() {
  SpinTable t;
  MutexTable m;
  StripedCounter c;
  std::thread a([&] {
    for (int i = 0; i < 10000; ++i) {
      t.insert(i, i);
      m.insert(i, i);
      c.add(i);
    }
  });
  std::thread b([&] {
    for (int i = 0; i < 100; ++i) {
      t.clear();
      m.clear();
      (void)c.total();
    }
  });
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
