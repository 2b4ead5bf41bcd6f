// std::jthread joins in its destructor: early returns are fine.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void step();
bool early();

int jthreads() {
  std::jthread t(step);
  if (early())
    return 1;
  return 0;
}
