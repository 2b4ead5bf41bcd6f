//===- queuing_mutex.h - A guard whose acquire() is the lock itself -------===//
//
// Test header: oneTBB's queuing_mutex in miniature. Its scoped_lock's
// acquire() and release() are the lock algorithm (an MCS queue of atomics),
// inline: there is no lock() call inside to infer the locking from.
//
//===----------------------------------------------------------------------===//
#ifndef FEARLESS_TEST_QUEUING_MUTEX_H
#define FEARLESS_TEST_QUEUING_MUTEX_H
#include <atomic>

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

#endif
