// Qt 5: a QThread subclass starts itself in one of its own member functions
// (`start()` on *this, Models/ThreadLibrary.def, FEARLESS_THREAD_BASE): run()
// runs on a new thread from there until wait(), like a member thread. A
// public getter of the field run() bumps, called meanwhile, races with it.
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void pause_ms(int);

class Counter : public QThread {
public:
  void begin() { this->start(); } // expected-note {{the thread is spawned here and kept in '*this'; it may still run when 'begin' returns}}
  int count() const { return count_; } // expected-note {{the other read is here}} expected-note {{'count' is a public member function: it may be called while the thread runs}}
  void finish() { wait(); }

protected:
  void run() override {
    for (int i = 0; i < 1000; ++i)
      count_ += 1; // expected-warning {{data race on 'count_': this write can run at the same time as a read in another thread}} expected-note {{help: make 'count_' a std::atomic<int>}}
  }

private:
  int count_ = 0;
};

int poll() {
  Counter worker;
  worker.begin();
  pause_ms(1);
  int seen = worker.count();
  worker.finish();
  return seen;
}

#ifdef FEARLESS_RUN
// ThreadSanitizer reports the race above at these lines; it also reports
// false races inside the uninstrumented libQt5Core.so, which say nothing of
// this one.
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return poll() < 0; }
#endif
