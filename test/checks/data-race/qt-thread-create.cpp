// Qt 5: QThread::create(f) makes a thread object that runs f once start()
// is called (Models/ThreadLibrary.def); what f writes races with the caller
// until wait() returns.
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void pause_ms(int);

int progress() {
  int state = 0;
  QThread *worker = QThread::create([&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}}
  worker->start(); // expected-note {{the thread is spawned here}}
  pause_ms(20);
  state = 2; // expected-note {{the other write is here}}
  worker->wait(); // expected-note {{the spawning function joins it only here}}
  delete worker;
  return state;
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
int main() { return progress() < 0; }
#endif
