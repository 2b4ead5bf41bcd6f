// Rust Book listing 17-8: two futures run to completion with trpl::join and
// awaited in place; both borrow from the enclosing async block, which rustc
// accepts because the join is awaited before anything they borrow is
// dropped. The C++20 twin: two lambda coroutines kept in locals (their
// lambda objects hold the captures), both tasks handed to join() and awaited
// in the same full-expression. Nothing outlives what it borrows, and fearless
// is silent, like rustc.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include "coro/join.h"
#include <cstdio>
#include <string>

Task<> counting() {
  std::string first = "first";
  std::string second = "second";
  auto fut1 = [&first]() -> Task<> {
    for (int i = 1; i < 10; ++i)
      std::printf("hi number %d from the %s task!\n", i, first.c_str());
    co_return;
  };
  auto fut2 = [&second]() -> Task<> {
    for (int i = 1; i < 5; ++i)
      std::printf("hi number %d from the %s task!\n", i, second.c_str());
    co_return;
  };
  co_await join(fut1(), fut2());
}

int main() {
  Task<> t = counting();
  t.start();
}
