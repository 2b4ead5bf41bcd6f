// issue 13: libcuckoo (cuckoohash_map.hh, a `mutable` list of lock arrays):
// a container whose mutable member is its own array of lock stripes stays
// Sync. Reaching a stripe (back(), operator[]) only reads the container, and
// a user lock (lock() and unlock()) synchronizes itself.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <cstddef>
#include <functional>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

class Stripe {
public:
  void lock() {
    while (busy_.test_and_set(std::memory_order_acquire)) {
    }
  }
  void unlock() { busy_.clear(std::memory_order_release); }
  std::size_t items = 0; // written with the stripe locked

private:
  std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
};

class StripedTable {
  using Stripes = std::vector<Stripe>;
  mutable std::list<Stripes> generations_;
  long slots_[64] = {};

  Stripes &current() const { return generations_.back(); }

public:
  StripedTable() { generations_.emplace_back(8); }
  void insert(int key) {
    Stripe &s = current()[key % 8];
    std::lock_guard<Stripe> g(s);
    ++s.items;
    ++slots_[key % 64];
  }
  long count(int key) const {
    std::lock_guard<Stripe> g(current()[key % 8]);
    return slots_[key % 64];
  }
};

void fill(StripedTable &table, int from) {
  for (int i = from; i < from + 100; ++i)
    table.insert(i);
}

long share() {
  StripedTable table;
  std::thread a(fill, std::ref(table), 0);
  std::thread b(fill, std::ref(table), 100);
  long n = table.count(3);
  a.join();
  b.join();
  return n;
}
