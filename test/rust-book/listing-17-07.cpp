// Rust Book listing 17-07: trpl::spawn_task starts a future at once and
// runs it beside the code that spawned it; `handle.await` waits for it.
// Both sides only print there; a C++20 twin in which the spawned coroutine
// (eager: it starts at the call, like spawn_task) and its caller both
// update one counter races (in Rust the counter would need an
// Arc<Mutex<_>> or an atomic), and the one in which the caller awaits the
// task first does not.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>

int hi_count = 0;

Detached first_task() {
  for (int i = 1; i < 10; ++i) {
    co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
    hi_count += 1; // expected-warning {{data race on 'hi_count': this write can run at the same time as a write in another thread}} expected-note {{help: make 'hi_count' a std::atomic<int>}}
  }
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

void spawned_and_caller_both_count() {
  first_task(); // expected-note {{'first_task' is called here: the call returns at its first suspension and the caller goes on while the coroutine continues}}
  for (int i = 1; i < 5; ++i)
    hi_count += 1; // expected-note {{the other write is here}}
}

// handle.await: the caller waits for the task before it counts.
Task<> counted_task() {
  for (int i = 1; i < 10; ++i) {
    co_await resume_on_new_thread{};
    hi_count += 1;
  }
}
Task<> caller_awaits_first() {
  co_await counted_task();
  for (int i = 1; i < 5; ++i)
    hi_count += 1;
}
