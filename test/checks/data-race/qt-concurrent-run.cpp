// Qt 5: QtConcurrent::run(f) runs f on a thread of the global pool and
// returns a QFuture (Models/ThreadLibrary.def); what f writes races with
// the caller until waitForFinished().
// CONFIRM: -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent -fPIC -lQt5Core -lQt5Concurrent
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/qt.h"

int progress() {
  int state = 0;
  QFuture<void> done = QtConcurrent::run([&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  int seen = state; // expected-note {{the other read is here}}
  done.waitForFinished(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return progress() < 0; }
#endif
