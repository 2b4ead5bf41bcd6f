// Regression (oneTBB queuing_mutex, docs/real-world.md): a guard whose
// acquire() is the lock algorithm itself, inline (an MCS queue of atomics),
// locks the mutex it is given in its constructor.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
class QueuingMutex {
public:
  class scoped_lock {
  public:
    scoped_lock() = default;
    explicit scoped_lock(QueuingMutex &m) { acquire(m); }
    ~scoped_lock() {
      if (mutex)
        release();
    }
    void acquire(QueuingMutex &m) {
      mutex = &m;
      scoped_lock *pred = m.tail.exchange(this);
      if (pred) {
        pred->next.store(this, std::memory_order_release);
        while (!going.load(std::memory_order_acquire)) {
        }
      }
    }
    void release() {
      scoped_lock *expected = this;
      if (!mutex->tail.compare_exchange_strong(expected, nullptr)) {
        scoped_lock *n;
        while (!(n = next.load(std::memory_order_acquire))) {
        }
        n->going.store(true, std::memory_order_release);
      }
      mutex = nullptr;
    }

  private:
    QueuingMutex *mutex = nullptr;
    std::atomic<scoped_lock *> next{nullptr};
    std::atomic<bool> going{false};
  };

private:
  std::atomic<scoped_lock *> tail{nullptr};
};

QueuingMutex mu;
int counter;
void bump() {
  QueuingMutex::scoped_lock lock(mu);
  counter = counter + 1;
  lock.release();
}
void run() {
  std::thread a(bump), b(bump);
  a.join();
  b.join();
}
