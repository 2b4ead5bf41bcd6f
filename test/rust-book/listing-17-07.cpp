// Rust Book listing 17-07: trpl::spawn_task runs a future beside the code
// that spawned it, and `handle.await` waits for it. Both sides only print
// there; a C++20 twin in which the spawned coroutine and its caller both
// update one counter races (in Rust the counter would need an Arc<Mutex<_>>
// or an atomic), and the one in which the caller awaits the task first
// does not.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>

int hi_count = 0;

Task<> first_task() {
  for (int i = 1; i < 10; ++i) {
    co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
    hi_count += 1; // expected-warning {{data race on 'hi_count': this write can run at the same time as a write in another thread}} expected-note {{help: make 'hi_count' a std::atomic<int>}}
  }
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

void spawned_and_caller_both_count() {
  Task<> handle = first_task();
  handle.start(); // expected-note {{the coroutine 'first_task' is started here}}
  for (int i = 1; i < 5; ++i)
    hi_count += 1; // expected-note {{the other write is here}}
}

// handle.await: the caller waits for the task before it counts.
Task<> caller_awaits_first() {
  co_await first_task();
  for (int i = 1; i < 5; ++i)
    hi_count += 1;
}
