// The correct twin of qt-thread-subclass-destroyed-running.cpp: the
// function waits for the thread before the object dies.
// CONFIRM: address -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/qt.h"

class Ticker : public QThread {
public:
  int ticks = 0;

protected:
  void run() override { ticks += 1; }
};

int fire() {
  Ticker ticker;
  ticker.start();
  ticker.wait();
  return ticker.ticks;
}

#ifdef FEARLESS_RUN
int main() { return fire() != 1; }
#endif
