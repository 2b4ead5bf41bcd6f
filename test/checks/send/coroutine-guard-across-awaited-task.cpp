// A guard across `co_await child()` where the child continues on another
// thread: the awaiting coroutine is resumed where the child finishes (its
// final suspend hands control back by symmetric transfer), so the guard is
// destroyed on the child's thread.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;
int total = 0;

Task<int> fetch() {
  co_await resume_on_new_thread{};
  co_return 1;
}
// expected-note@coro/awaitables.h:14 {{the awaited coroutine 'fetch' may continue on another thread here, and the awaiting coroutine continues where it finishes}}

Task<> update() {
  std::unique_lock<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::unique_lock<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope of 'lock'}}
  total += co_await fetch(); // expected-note {{the coroutine suspends here and may be resumed on another thread}}
} // expected-note {{'lock' is destroyed here, possibly on the other thread}}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Task<> t = update();
  t.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}
#endif
