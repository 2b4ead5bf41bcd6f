// A guard held across a co_await that hands the coroutine to a hand-written
// thread pool (its submit() is an inferred spawn function): a worker resumes
// the coroutine and destroys the guard.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>
#include <pools/task-pool.h>

std::mutex m;
int total = 0;

Detached move_to_pool(TaskPool &pool) {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await schedule_on<TaskPool>{pool}; // expected-note {{the coroutine suspends here}}
  ++total;
} // expected-note {{'lock' is destroyed here}}
// expected-note@coro/awaitables.h:32 {{await_suspend hands the coroutine handle to another thread here}}

#ifdef FEARLESS_RUN
int main() {
  TaskPool pool(2);
  move_to_pool(pool);
  pool.wait_idle();
}
#endif
