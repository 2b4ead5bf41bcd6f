// A lazy task runs from its start(): it returns to the caller at the
// co_await that moves it to another thread, and goes on there while the
// caller reads what it writes.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>

int result = 0;

Task<> compute() {
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here}}
  result = 42; // expected-warning {{data race on 'result': this write can run at the same time as a read in another thread}} expected-note {{help: make 'result' a std::atomic<int>}}
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

int run() {
  static Task<> t = compute(); // outlives the coroutine's run
  t.start(); // expected-note {{the coroutine 'compute' is started here: this returns at its first suspension and the caller goes on while the coroutine continues}}
  return result; // expected-note {{the other read is here}}
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  int r = run();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return r == 7;
}
#endif
