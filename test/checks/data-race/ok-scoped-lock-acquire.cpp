// Regression (oneTBB, docs/real-world.md): a lock acquired by a member function of a guard is not recognised
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>
struct SpinMutex {
  std::mutex impl;
  class scoped_lock {
    SpinMutex *m = nullptr;
  public:
    scoped_lock() = default;
    explicit scoped_lock(SpinMutex &mu) { acquire(mu); }
    void acquire(SpinMutex &mu) { m = &mu; mu.impl.lock(); }
    void release() { m->impl.unlock(); m = nullptr; }
    ~scoped_lock() { if (m) release(); }
  };
};
SpinMutex mu;
int counter;
void bump() {
  SpinMutex::scoped_lock lock; // acquired later, TBB style
  lock.acquire(mu);
  counter = counter + 1;
}
void run() {
  std::thread a(bump), b(bump);
  a.join(); b.join();
}
