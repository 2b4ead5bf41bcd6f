// A lock helper that returns its lock held in a std::unique_ptr whose
// deleter unlocks it (libcuckoo's lock_one()), after a check that unlocks
// and throws when the table changed meanwhile (check_hashpower()): the
// unlock is on a path that throws, so the caller that goes on still holds
// the lock, and its write of size_ excludes the other thread's.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

struct Changed {};

struct Unlocker {
  void operator()(std::mutex *m) const { m->unlock(); }
};

struct Table {
  std::mutex mu_;
  int generation_ = 0;
  int size_ = 0;

  void check(std::mutex &m, int seen) {
    if (seen != generation_) {
      m.unlock();
      throw Changed();
    }
  }
  std::unique_ptr<std::mutex, Unlocker> lock_one(int seen) {
    mu_.lock();
    check(mu_, seen);
    return std::unique_ptr<std::mutex, Unlocker>(&mu_);
  }
  void grow() {
    auto held = lock_one(0);
    ++size_;
  }
  void shrink() {
    std::lock_guard<std::mutex> g(mu_);
    --size_;
  }
};

void run() {
  Table t;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  std::thread a([&] {
    while (std::chrono::steady_clock::now() < end)
      t.grow();
  });
  while (std::chrono::steady_clock::now() < end)
    t.shrink();
  a.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
