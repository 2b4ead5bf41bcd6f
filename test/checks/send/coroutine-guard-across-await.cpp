// A std::lock_guard held across a co_await whose awaiter resumes the
// coroutine on another thread: the guard is destroyed there and unlocks its
// mutex on a thread that does not own it (undefined behaviour). Rust: a
// future holding a MutexGuard across an .await is not Send.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;
int total = 0;

Detached add_twice(int n) {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{'std::lock_guard<std::mutex>' is a lock guard, which is not Send: unlocking a mutex on another thread is undefined behaviour}} expected-note {{help: end the scope of 'lock' before the 'co_await': put it and the code that needs it in a block of their own}}
  total += n;
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  total += n;
} // expected-note {{'lock' is destroyed here, possibly on the other thread}}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  add_twice(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}
#endif
