// A guard across a co_await that continues on the same thread: an awaiter
// whose await_suspend returns false (it does not suspend), and
// std::suspend_always resumed by the caller on its own thread. clang-tidy's
// misc-coroutine-hostile-raii reports every guard across any co_await;
// fearless reports only a resumption on another thread, and none is here.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// RUN: %llvm-bin/clang-tidy --checks=-*,misc-coroutine-hostile-raii %s -- -std=c++20 -nostdinc++ -isystem %mock -I%test-inputs 2>&1 | FileCheck --check-prefix=TIDY %s
// expected-no-diagnostics
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;
int total = 0;

Detached add_here(int n) {
  std::lock_guard<std::mutex> lock(m);
  // TIDY: :[[@LINE-1]]:31: warning: 'lock' persists across a suspension point of coroutine [misc-coroutine-hostile-raii]
  total += n;
  co_await resume_here{};
  total += n;
}

Task<> add_later(int n) {
  std::lock_guard<std::mutex> lock(m);
  // TIDY: :[[@LINE-1]]:31: warning: 'lock' persists across a suspension point of coroutine [misc-coroutine-hostile-raii]
  total += n;
  co_await std::suspend_always{};
  total += n;
}

#ifdef FEARLESS_RUN
int main() {
  add_here(1);
  Task<> t = add_later(2);
  t.start(); // runs to the co_await
  t.start(); // resumes it here, on this thread, and runs it to the end
}
#endif
