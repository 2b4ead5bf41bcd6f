// Regression (oneTBB test code, a true positive): a static flag read and
// written by two threads running the same function.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <thread>
static bool firstTime = true;
bool shouldReport() {
  if (firstTime) { firstTime = false; return true; } // expected-warning {{data race on 'firstTime': this write can run at the same time as a write in another thread}} expected-note {{help: make 'firstTime' a std::atomic<bool>}} expected-note {{the other thread runs this same write}}
  return false;
}
void run() {
  std::thread a(shouldReport), b(shouldReport); // expected-note {{one thread is spawned here}} expected-note {{the other thread is spawned here}}
  a.join(); b.join();
}
