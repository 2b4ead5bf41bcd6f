// Lazy tasks borrowing locals, combined into an awaitable that holds them
// (cppcoro's when_all_ready shape: a tuple of tasks) and run in place by a
// function that only starts it: the frames die with the combined temporary
// at the end of the full-expression, before the locals.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <tuple>
#include <utility>

template <class... Ts> struct AllOf {
  std::tuple<Ts...> tasks;
  void run() {
    std::apply([](auto &...t) { (t.start(), ...); }, tasks);
  }
};
template <class... Ts> AllOf<Ts...> all_of(Ts &&...ts) {
  return AllOf<Ts...>{std::tuple<Ts...>(std::move(ts)...)};
}
template <class A> void run_now(A &&a) { a.run(); }

int run() {
  int a = 0, b = 0;
  auto first = [&]() -> Task<> {
    ++a;
    co_return;
  };
  auto second = [&]() -> Task<> {
    ++b;
    co_return;
  };
  run_now(all_of(first(), second()));
  return a + b;
}

#ifdef FEARLESS_RUN
int main() { return run() == 2 ? 0 : 1; }
#endif
