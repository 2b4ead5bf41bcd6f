// The correct twin of qt-thread-subclass-getter.cpp: the getter is called
// only after wait(), or the field is atomic.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"
#include <atomic>

class Counter : public QThread {
public:
  int count() const { return count_; }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      count_ += 1;
  }

private:
  int count_ = 0;
};

int poll_after_wait() {
  Counter worker;
  worker.start();
  worker.wait();
  return worker.count();
}

class AtomicCounter : public QThread {
public:
  int count() const { return count_.load(); }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      count_.fetch_add(1);
  }

private:
  std::atomic<int> count_{0};
};

int poll_atomic() {
  AtomicCounter worker;
  worker.start();
  int seen = worker.count();
  worker.wait();
  return seen;
}

// No FEARLESS_RUN program: QThread::wait() waits with futexes inside the
// uninstrumented libQt5Core.so, so ThreadSanitizer does not see the join;
// it cannot judge this twin.
