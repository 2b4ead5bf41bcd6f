// A container of lock stripes whose const lookup also counts lookups in a
// plain mutable field: the stripe lock taken differs between keys, so two
// threads looking up different keys race on the counter (the twin of
// ok-mutable-lock-stripes.cpp).
// RUN: %fearless -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-sync
#include <atomic>
#include <functional>
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

private:
  std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
};

class StripedTable {
  mutable std::vector<Stripe> stripes_ = std::vector<Stripe>(8);
  mutable long lookups_ = 0; // expected-note {{'StripedTable' is not Sync because its mutable field 'lookups_' can be written through a const reference without synchronization}}
  long slots_[64] = {};

public:
  long count(int key) const {
    std::lock_guard<Stripe> g(stripes_[key % 8]);
    ++lookups_;
    return slots_[key % 64];
  }
};

void lookUp(const StripedTable &table, int from) {
  for (int i = from; i < from + 100; ++i)
    table.count(i);
}

void share() {
  StripedTable table;
  std::thread a(lookUp, std::cref(table), 0); // expected-note {{'table' is also shared with this thread, which may run at the same time}}
  std::thread b(lookUp, std::cref(table), 1); // expected-warning {{'table' is shared with another thread, but its type 'StripedTable' is not Sync}} expected-note {{spawned here}}
  a.join();
  b.join();
}
