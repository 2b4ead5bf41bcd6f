// The twin of ok-coroutine-task-moved-into-awaited-proxy.cpp: the proxy
// that owns the task is returned, and the task runs after the local it
// borrows has died.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <utility>

Task<int> produce(const int &x) { co_return x + 1; } // expected-note {{help: take 'x' by value, so that the coroutine frame owns a copy, or co_await the coroutine before the object dies}}
Task<int> proxy(Task<int> t) { co_return co_await t; }

Task<int> outer() {
  int local = 41;
  Task<int> t = produce(local); // expected-warning {{coroutine 'produce' may outlive 'local', which it borrows}} expected-note {{'local' is bound to the reference parameter 'x' here}}
  return proxy(std::move(t)); // expected-note {{the object holding the coroutine's frame is returned here}} expected-note {{'local' is destroyed here}}
}

#ifdef FEARLESS_RUN
int main() {
  Task<int> o = outer();
  o.start();
  return o.await_resume() == 42 ? 0 : 1;
}
#endif
