// Qt 5: a QThread made by QThread::create(f) and started is not joined by
// deleteLater() (nor by its destructor, which aborts on a running thread):
// the thread may still run f after the function returns and its local is
// gone.
// CONFIRM: address -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void record(int);

QThread *schedule() {
  int request = 5;
  QThread *worker = QThread::create([&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
  worker->start();
  return worker; // expected-note {{the thread is not joined when this path is taken}} expected-note {{'request' is destroyed here}}
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
  QThread *worker = schedule();
  worker->wait();
  delete worker;
  return 0;
}
#endif
