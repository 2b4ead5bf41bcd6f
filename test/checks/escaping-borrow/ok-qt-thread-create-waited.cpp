// The correct twin of qt-thread-create-outlives-local.cpp: the function
// waits for the thread before its local dies, or the thread captures by
// copy.
// CONFIRM: address -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"

void record(int);

void schedule_waited() {
  int request = 5;
  QThread *worker = QThread::create([&] { record(request); });
  worker->start();
  worker->wait();
  delete worker;
}

QThread *schedule_copied() {
  int request = 5;
  QThread *worker = QThread::create([request] { record(request); });
  worker->start();
  return worker;
}

#ifdef FEARLESS_RUN
volatile int seen;
void record(int r) { seen = r; }
int main() {
  schedule_waited();
  QThread *worker = schedule_copied();
  worker->wait();
  delete worker;
  return 0;
}
#endif
