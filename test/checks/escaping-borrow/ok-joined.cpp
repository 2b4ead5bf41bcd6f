// Joined before the borrowed local dies: nothing to report.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);

void joined() {
  int value = 0;
  std::thread t([&] { use(value); });
  t.join();
}
