// The twin of qt-thread-subclass-starts-itself.cpp: the counter is atomic,
// a second subclass that starts itself waits for run() before its member
// function returns, so its getter never runs beside it, and a third one
// guards its field with a QMutexLocker on both sides.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"
#include <atomic>

void pause_ms(int);

class Counter : public QThread {
public:
  void begin() { this->start(); }
  int count() const { return count_.load(); }
  void finish() { wait(); }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      count_ += 1;
  }

private:
  std::atomic<int> count_{0};
};

class OneShot : public QThread {
public:
  void compute() {
    start();
    wait();
  }
  int result() const { return result_; }

protected:
  void run() override { result_ = 42; }

private:
  int result_ = 0;
};

class Locked : public QThread {
public:
  void begin() { start(); }
  int ticks() const {
    QMutexLocker l(&m_);
    return ticks_;
  }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i) {
      QMutexLocker l(&m_);
      ticks_ += 1;
    }
  }

private:
  mutable QMutex m_;
  int ticks_ = 0;
};

int poll() {
  Counter worker;
  worker.begin();
  pause_ms(1);
  int seen = worker.count();
  worker.finish();
  OneShot once;
  once.compute();
  return seen + once.result();
}

// No FEARLESS_RUN program: QThread::wait() waits with futexes inside the
// uninstrumented libQt5Core.so, so ThreadSanitizer does not see the join;
// it cannot judge this twin.
