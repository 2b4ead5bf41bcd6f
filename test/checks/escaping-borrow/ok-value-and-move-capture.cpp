// Captured by copy or moved into the thread: the thread owns its data.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <utility>
#include <vector>

void use(int);
void consume(std::vector<int>);

void byValue() {
  int value = 0;
  std::thread([value] { use(value); }).detach();
  std::thread([=] { use(value); }).detach();
}

void byMove() {
  std::vector<int> data;
  std::thread([data = std::move(data)] { consume(data); }).detach();
}
