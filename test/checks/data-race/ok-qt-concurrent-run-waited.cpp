// The correct twin of qt-concurrent-run.cpp: the caller reads what the task
// wrote only after waitForFinished() or result().
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

// No FEARLESS_RUN program: QFuture::waitForFinished() waits with futexes
// inside the uninstrumented libQt5Core.so, so ThreadSanitizer reports the
// task's write against the caller's read in most runs; it cannot judge this
// twin. (qt-concurrent-run.cpp's program confirms the race.)
