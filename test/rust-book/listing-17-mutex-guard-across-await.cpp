// Rust Book chapter 17 (futures and Send): a future that holds a
// std::sync::MutexGuard across an .await is not Send, and
// trpl::spawn_task / tokio::spawn on a multi-threaded runtime reject it
// ("future cannot be sent between threads safely ... has type
// `MutexGuard<'_, i32>` which is not `Send`"). The C++20 twin: a lock_guard
// held across a co_await whose awaiter resumes the coroutine on another
// thread, which then unlocks a mutex it does not own. The fix Rust suggests
// (drop the guard before the .await) is the twin that stays silent.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex counter_mutex;
int counter = 0;

Detached increment_then_sleep() {
  std::lock_guard<std::mutex> num(counter_mutex); // expected-warning {{'num' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope of 'num' before the 'co_await'}}
  counter += 1;
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
} // expected-note {{'num' is destroyed here, possibly on the other thread}}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

// drop(num) before the .await.
Detached increment_drop_then_sleep() {
  {
    std::lock_guard<std::mutex> num(counter_mutex);
    counter += 1;
  }
  co_await resume_on_new_thread{};
}
