// The handle moves to another local (or a smart pointer), which joins.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <memory>
#include <thread>
#include <utility>

void use(int &);

void movedHandle() {
  int value = 0;
  std::thread first([&] { use(value); });
  std::thread second = std::move(first);
  second.join();
}

void ownedByPointer() {
  int value = 0;
  auto worker = std::make_unique<std::thread>([&] { use(value); });
  worker->join();
}
