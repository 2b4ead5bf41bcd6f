// A lazy task moved into a coroutine that takes it by value lives in that
// coroutine's frame, owned by the task it returns; awaiting that task
// before the borrowed local dies finishes both.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <utility>

Task<int> produce(const int &x) { co_return x + 1; }
Task<int> proxy(Task<int> t) { co_return co_await t; }

Task<int> outer() {
  int local = 41;
  Task<int> t = produce(local);
  Task<int> p = proxy(std::move(t));
  int v = co_await p;
  co_return v;
}

#ifdef FEARLESS_RUN
int main() {
  Task<int> o = outer();
  o.start();
  return o.await_resume() == 42 ? 0 : 1;
}
#endif
