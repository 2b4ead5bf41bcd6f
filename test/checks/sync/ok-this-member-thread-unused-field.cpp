// issue 13: rocksdb (test fixtures starting member-function threads on this):
// std::thread(&C::f, this) in a loop shares *this with every copy; only the
// fields f and the members it calls on *this reach need to be Sync.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

struct Sequence {
  mutable long last = 0;
  long next() const { return ++last; } // not thread-safe; no thread calls it
};

class Workers {
  Sequence *sequence_ = nullptr; // used by the single-threaded setup only
  std::atomic<long> done_{0};

  void work() { done_.fetch_add(1); }

public:
  void runAll() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 4; ++i)
      pool.emplace_back(&Workers::work, this);
    for (auto &t : pool)
      t.join();
  }
};
