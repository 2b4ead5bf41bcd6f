// The twin of qt-global-pool-task-outlives-local.cpp: the function waits
// for the global pool's tasks before its local is gone.
// CONFIRM: address -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"

void record(int);

void schedule() {
  int request = 5;
  QThreadPool::globalInstance()->start([&] { record(request); });
  QThreadPool::globalInstance()->waitForDone();
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  schedule();
  return 0;
}
#endif
