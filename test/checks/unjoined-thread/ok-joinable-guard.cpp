// The joinable() guard and conditional start.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void step();
bool wanted();

void guarded() {
  std::thread t;
  if (wanted())
    t = std::thread(step);
  if (t.joinable())
    t.join();
}

void negatedGuard() {
  std::thread t(step);
  if (!t.joinable())
    return;
  t.join();
}
