// Rust Book chapter 17 ("Futures and the Async Syntax", and the `async move`
// blocks of listings 17-10 and 17-11): a future that borrows a local cannot
// be returned from the function that owns the local; rustc rejects it with
// E0373 ("async block may outlive the current function, but it borrows
// `limit`") and suggests `async move`. In C++20 the lambda coroutine is
// worse: even `[limit]` by copy keeps the copy in the lambda object, not in
// the coroutine frame, so the returned task reads a dead lambda object
// either way (C++ Core Guidelines CP.51). The fix that works is the one
// `async move` stands for: hand the values to the coroutine as parameters,
// which are copied into its frame.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include "coro/task.h"
#include <cstdio>

Task<> countingBorrowed() {
  int limit = 10;
  auto body = [limit]() -> Task<> { // expected-note {{the coroutine reads its captures through the lambda object; they are not copied into its frame}} expected-note {{help: pass what the lambda captures as parameters by value}}
    for (int i = 1; i < limit; ++i)
      std::printf("hi number %d\n", i);
    co_return;
  };
  return body(); // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures [fearless-escaping-borrow]}} expected-note {{the object holding the coroutine's frame is returned here}} expected-note {{'body' is destroyed here}}
}

// `async move`: the value is a parameter, copied into the frame.
Task<> countingOwned() {
  int limit = 10;
  return [](int limit) -> Task<> {
    for (int i = 1; i < limit; ++i)
      std::printf("hi number %d\n", i);
    co_return;
  }(limit);
}

int main() {
  Task<> t = countingOwned();
  t.start();
}
