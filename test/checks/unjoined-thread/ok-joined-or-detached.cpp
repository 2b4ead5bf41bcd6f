// Joined or detached on every path before the handle dies.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void step();
bool background();

void joined() {
  std::thread t(step);
  t.join();
}

void detachedOrJoined() {
  std::thread t(step);
  if (background()) {
    t.detach();
    return;
  }
  t.join();
}
