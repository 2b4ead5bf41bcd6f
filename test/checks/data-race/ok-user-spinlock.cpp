// Regression (oneTBB, docs/real-world.md): a user-defined lock (lock()/unlock(), RAII guard) is not recognised
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
class SpinLock {
  std::atomic_flag flag = ATOMIC_FLAG_INIT;
public:
  void lock() { while (flag.test_and_set(std::memory_order_acquire)) {} }
  void unlock() { flag.clear(std::memory_order_release); }
  class scoped_lock {
    SpinLock &m;
  public:
    explicit scoped_lock(SpinLock &m) : m(m) { m.lock(); }
    ~scoped_lock() { m.unlock(); }
  };
};
SpinLock lockObj;
int counter;
void bump() { SpinLock::scoped_lock g(lockObj); counter = counter + 1; }
void run() {
  std::thread a(bump), b(bump);
  a.join(); b.join();
}
