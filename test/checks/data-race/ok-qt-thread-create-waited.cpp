// The correct twin of qt-thread-create.cpp: the caller writes what the
// thread writes only after wait(), and what it writes before start()
// happens before the thread runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"

int progress() {
  int state = 0;
  QThread *worker = QThread::create([&] { state = 1; });
  worker->start();
  worker->wait();
  state = 2;
  delete worker;
  return state;
}

int configured_before_start() {
  int input = 0;
  int output = 0;
  QThread *worker = QThread::create([&] { output = input + 1; });
  input = 41;
  worker->start();
  worker->wait();
  delete worker;
  return output;
}

// Started twice: the thread runs from the first start(); what the caller
// writes before it happens before the thread runs.
int started_twice() {
  int state = 0;
  QThread *worker = QThread::create([&] { state += 1; });
  state = 3;
  worker->start();
  worker->wait();
  worker->start();
  worker->wait();
  delete worker;
  return state;
}

int with_arguments() {
  int total = 0;
  QThread *worker = QThread::create([](int *out, int n) { *out = n; }, &total, 7);
  worker->start();
  worker->wait();
  delete worker;
  return total;
}

// No FEARLESS_RUN program: QThread::wait() waits with futexes inside the
// uninstrumented libQt5Core.so, so ThreadSanitizer cannot see the
// happens-before edge of the join (as for QFuture::waitForFinished() in
// ok-qt-concurrent-run-waited.cpp); it cannot judge this twin.
