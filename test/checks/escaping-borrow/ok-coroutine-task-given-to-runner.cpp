// A lazy task borrowing a local, given to a function that only runs it in
// place (cppcoro's sync_wait shape: by value or by reference, its body
// starts the task and reads the result), dies with the argument object at
// the end of the full-expression: the frame never outlives the local.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <utility>

template <class T> T run_now(Task<T> t) {
  t.start();
  return t.await_resume();
}
template <class T> T run_ref(Task<T> &&t) {
  t.start();
  return t.await_resume();
}
Task<int> read(const int &x) { co_return x + 1; }

int by_value() {
  int local = 41;
  return run_now(read(local));
}
int by_reference() {
  int local = 41;
  Task<int> t = read(local);
  return run_ref(std::move(t));
}
int lambda_task() {
  int counter = 41;
  auto bump = [&]() -> Task<int> { co_return ++counter; };
  return run_now(bump());
}

#ifdef FEARLESS_RUN
int main() { return by_value() + by_reference() + lambda_task() == 126 ? 0 : 1; }
#endif
