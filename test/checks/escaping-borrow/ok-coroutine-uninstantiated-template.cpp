// Robustness: coroutines fearless cannot analyse are skipped, never
// guessed at: an uninstantiated template coroutine and its uninstantiated
// caller (test/plugin/coroutine-frames-invalid-code.cpp has a body that does not
// compile).
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include "coro/awaitables.h"
#include "coro/task.h"
#include <string>

void use(const std::string &);

template <class T> Detached logValue(const T &value) {
  co_await resume_on_new_thread{};
  use(value);
}

template <class T> void reportLater(T message) { logValue(T(message)); }
