// Qt 5: a task queued on the global thread pool, reached through
// QThreadPool::globalInstance(), may run after the function has returned
// and its local is gone.
// CONFIRM: address -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void record(int);

void schedule() {
  int request = 5;
  QThreadPool::globalInstance()->start([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'start' queues the callable for the worker threads of 'globalInstance', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}

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
  QThreadPool::globalInstance()->waitForDone();
  return 0;
}
#endif
