// A future from std::async is waited for, or destroyed in scope.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <future>

int compute(const int &);

int waited() {
  int input = 1;
  auto result = std::async(std::launch::async, [&] { return compute(input); });
  return result.get();
}

void destroyedInScope() {
  int input = 2;
  auto pending = std::async([&] { return compute(input); });
}

void discardedTemporary() {
  int input = 3;
  std::async(std::launch::async, [&] { return compute(input); });
}
