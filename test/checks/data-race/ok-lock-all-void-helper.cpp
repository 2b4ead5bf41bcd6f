// A lock table whose clear() takes every lock through a helper, lockAll(),
// and releases them through another, unlockAll(): the locks lockAll()
// returns holding are the caller's until unlockAll(), so the write of size_
// between them excludes every insert, which holds the lock of its bucket.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

struct Table {
  std::vector<std::mutex> locks_ = std::vector<std::mutex>(4);
  int size_ = 0;

  void lockAll() {
    for (auto &m : locks_)
      m.lock();
  }
  void unlockAll() {
    for (auto &m : locks_)
      m.unlock();
  }
  void clear() {
    lockAll();
    size_ = 0;
    unlockAll();
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
