// Handles moved out (returned, or into a container joined later) are not
// destroyed joinable here.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <utility>
#include <vector>

void step();

std::thread start() {
  std::thread t(step);
  return t;
}

void intoContainer() {
  std::vector<std::thread> all;
  std::thread t(step);
  all.push_back(std::move(t));
  for (auto &x : all)
    x.join();
}

void toAnotherLocal() {
  std::thread t(step);
  std::thread u(std::move(t));
  u.join();
}
