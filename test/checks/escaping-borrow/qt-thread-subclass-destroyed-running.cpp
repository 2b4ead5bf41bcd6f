// Qt 5: ~QThread() does not wait for the thread; destroying a QThread
// subclass object whose run() may still be running leaves that thread
// using a dead object (Qt aborts with "QThread: Destroyed while thread is
// still running").
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

class Ticker : public QThread {
public:
  int ticks = 0;

protected:
  void run() override { ticks += 1; }
};

void fire() {
  Ticker ticker;
  ticker.start(); // expected-warning {{thread may outlive 'ticker'}} expected-note {{the address of 'ticker' is passed to the thread here}}
} // expected-note {{the thread is not joined when this path is taken}} expected-note {{'ticker' is destroyed here}}

// No FEARLESS_RUN program: Qt itself aborts in ~QThread() (qFatal) before
// AddressSanitizer could see the use of the dead object.
