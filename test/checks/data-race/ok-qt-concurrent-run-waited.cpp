// The correct twin of qt-concurrent-run.cpp: the caller reads what the task
// wrote only after waitForFinished() or result().
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent -fPIC -lQt5Core -lQt5Concurrent
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"

int progress() {
  int state = 0;
  QFuture<void> done = QtConcurrent::run([&] { state = 1; });
  done.waitForFinished();
  return state;
}

int computed() {
  int input = 20;
  QFuture<int> answer = QtConcurrent::run([&] { return input + 22; });
  return answer.result();
}

#ifdef FEARLESS_RUN
int main() { return progress() != 1 || computed() != 42; }
#endif
