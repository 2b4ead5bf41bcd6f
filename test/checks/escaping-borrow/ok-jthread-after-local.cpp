// A std::jthread declared after the local joins before the local dies.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);

void scoped() {
  int value = 0;
  std::jthread worker([&] { use(value); });
}
