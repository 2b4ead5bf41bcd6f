// A class derived from std::atomic (a copyable atomic wrapper) is accessed
// through the atomic's own operations (issue 13: libcuckoo's CopyableAtomic).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

template <typename T> struct CopyableAtomic : std::atomic<T> {
  CopyableAtomic() = default;
  CopyableAtomic(const CopyableAtomic &o) : std::atomic<T>(o.load()) {}
};

struct Table {
  mutable CopyableAtomic<unsigned long> remaining;
  void setRemaining(unsigned long n) const {
    remaining.store(n, std::memory_order_release);
  }
};

void twoSetters() {
  Table t;
  std::thread a([&t] { t.setRemaining(1); });
  std::thread b([&t] { t.setRemaining(2); });
  a.join();
  b.join();
}
