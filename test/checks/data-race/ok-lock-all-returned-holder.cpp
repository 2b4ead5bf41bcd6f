// A lock table whose clear() takes every lock through a helper, lock_all(),
// that locks them in a range-for loop and returns them held in a
// std::unique_ptr whose deleter unlocks them all (libcuckoo's
// cuckoohash_map): the locks are the caller's until the holder dies, so the
// write of size_ in clear() excludes every insert, which holds the lock of
// its bucket.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct Table;

struct AllUnlocker {
  std::vector<std::mutex> *locks;
  void operator()(Table *) const {
    for (auto &m : *locks)
      m.unlock();
  }
};

struct Table {
  std::vector<std::mutex> locks_ = std::vector<std::mutex>(4);
  int size_ = 0;

  std::unique_ptr<Table, AllUnlocker> lock_all() {
    for (auto &m : locks_)
      m.lock();
    return std::unique_ptr<Table, AllUnlocker>(this, AllUnlocker{&locks_});
  }
  void clear() {
    auto all = lock_all();
    size_ = 0;
  }
  void insert(int i) {
    std::lock_guard<std::mutex> g(locks_[i % 4]);
    ++size_;
  }
};

void run() {
  Table t;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  std::thread a([&] {
    while (std::chrono::steady_clock::now() < end)
      t.clear();
  });
  while (std::chrono::steady_clock::now() < end)
    t.insert(1);
  a.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
