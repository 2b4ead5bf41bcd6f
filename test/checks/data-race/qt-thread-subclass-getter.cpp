// Qt 5: a class derived from QThread overriding run(); worker.start() runs
// worker.run() on a new thread (Models/ThreadLibrary.def,
// FEARLESS_THREAD_BASE) until worker.wait(). A public getter of the field
// run() bumps, called while it runs, races with it.
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void pause_ms(int);

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

int poll() {
  Counter worker;
  worker.start(); // expected-note {{the thread is spawned here}}
  pause_ms(1);
  int seen = worker.count(); // expected-note {{reached through this call}}
  worker.wait(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
// ThreadSanitizer reports the race above at these lines; it also reports
// false races inside the uninstrumented libQt5Core.so (QWaitCondition's
// destructor against the thread's wake-up), which say nothing of this one.
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return poll() < 0; }
#endif
