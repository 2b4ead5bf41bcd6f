// Borrowing what a reference parameter refers to: its owner is the caller,
// whose lifetime fearless cannot see; not reported.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void use(int &);

void forwardRef(int &shared) {
  std::thread([&] { use(shared); }).detach();
}
