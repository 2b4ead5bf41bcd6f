// Qt 5: QThreadPool::globalInstance()->start(f): a pool reached through a
// call (the accessor names the same pool every time) runs the queued tasks
// on several threads at the same time, until
// QThreadPool::globalInstance()->waitForDone().
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -fPIC -lQt5Core
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

void pause_ms(int);

long count_items() {
  long total = 0;
  for (int i = 0; i < 20; ++i)
    QThreadPool::globalInstance()->start([&] {
      pause_ms(1);
      total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
    }); // expected-note@-3 {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
  QThreadPool::globalInstance()->waitForDone();
  return total;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return count_items() < 0; }
#endif
