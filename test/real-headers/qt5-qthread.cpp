// Qt 5's QThread against the real Debian headers (qtbase5-dev,
// QtCore/qthread.h): QThread::create(f) runs f from start() until wait();
// a subclass's run() runs on the object from start() until wait(), also
// when it starts itself in a member function
// (Models/ThreadLibrary.def).
// REQUIRES: qt5
// RUN: %fearless %qt5-flags -std=c++17 -Xclang -verify %s
#include <QMutex>
#include <QMutexLocker>
#include <QReadWriteLock>
#include <QThread>

int create_racy() {
  int state = 0;
  QThread *worker = QThread::create([&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}}
  worker->start(); // expected-note {{the thread is spawned here}}
  state = 2; // expected-note {{the other write is here}}
  worker->wait(); // expected-note {{the spawning function joins it only here}}
  delete worker;
  return state;
}

int create_waited() {
  int input = 0, output = 0;
  QThread *worker = QThread::create([&] { output = input + 1; });
  input = 41;
  worker->start();
  worker->wait();
  delete worker;
  return output;
}

class Counter : public QThread {
public:
  int count() const { return count_; } // expected-note {{the other read is here}}

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      count_ += 1; // expected-warning {{data race on 'worker.count_'}} expected-note {{help: make 'worker.count_' a std::atomic<int>}}
  }

private:
  int count_ = 0;
};

int subclass_waited() {
  Counter worker;
  worker.start();
  worker.wait();
  return worker.count();
}

int subclass_racy() {
  Counter worker;
  worker.start(); // expected-note {{the thread is spawned here}}
  int seen = worker.count(); // expected-note {{reached through this call}}
  worker.wait(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

void subclass_destroyed_running() {
  Counter worker;
  worker.start(); // expected-warning {{thread may outlive 'worker'}} expected-note {{the address of 'worker' is passed to the thread here}}
} // expected-note {{the thread is not joined when this path is taken}} expected-note {{'worker' is destroyed here}}

class SelfStarting : public QThread {
public:
  void begin() { start(); } // expected-note {{the thread is spawned here and kept in '*this'; it may still run when 'begin' returns}}
  int ticks() const { return ticks_; } // expected-note {{the other read is here}} expected-note {{'ticks' is a public member function: it may be called while the thread runs}}
  void finish() { wait(); }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      ticks_ += 1; // expected-warning {{data race on 'ticks_'}} expected-note {{help: make 'ticks_' a std::atomic<int>}}
  }

private:
  int ticks_ = 0;
};

class SelfWaiting : public QThread {
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

class SelfStartingLocked : public QThread {
public:
  void begin() { start(); }
  int ticks() const {
    QMutexLocker l(&m_);
    return ticks_;
  }
  int reads() const {
    QReadLocker l(&rw_);
    return reads_;
  }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i) {
      {
        QMutexLocker l(&m_);
        ticks_ += 1;
      }
      QWriteLocker w(&rw_);
      reads_ += 1;
    }
  }

private:
  mutable QMutex m_;
  mutable QReadWriteLock rw_;
  int ticks_ = 0;
  int reads_ = 0;
};
