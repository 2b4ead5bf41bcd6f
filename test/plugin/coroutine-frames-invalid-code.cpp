// A coroutine whose body does not compile is skipped, and so is what its
// callers would borrow through it; the rest is analysed; no crash.
// RUN: not %fearless-mock -std=c++20 %s 2>&1 | FileCheck %s
#include "coro/awaitables.h"
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached broken(const std::string &line) {
  co_await not_an_awaitable{};
  use(line);
}

void callsBroken() { broken(std::string("x")); }

Detached fine(const std::string &line) {
  co_await resume_on_new_thread{};
  use(line);
}

void callsFine() { fine(std::string("y")); }
// CHECK: error: use of undeclared identifier 'not_an_awaitable'
// CHECK-NOT: coroutine 'broken'
// CHECK: warning: coroutine 'fine' may outlive the temporary bound to its parameter 'line'
