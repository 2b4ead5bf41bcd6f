// A guard held across a co_await that hands the coroutine to a hand-written
// thread pool (its submit() is an inferred spawn function), or to a function
// whose parameter is marked fearless::spawn: another thread resumes the
// coroutine and destroys the guard.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>
#include <fearless/annotations.h>
#include <functional>
#include <pools/task-pool.h>

std::mutex m;
int total = 0;

Detached move_to_pool(TaskPool &pool) {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await schedule_on<TaskPool>{pool}; // expected-note {{the coroutine suspends here}}
  ++total;
} // expected-note {{'lock' is destroyed here}}
// expected-note@coro/awaitables.h:32 {{await_suspend hands the coroutine handle to another thread here}}

void post_to_io_thread(FEARLESS_SPAWN std::function<void()> f);

struct on_io_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    post_to_io_thread([h] { h.resume(); }); // expected-note {{await_suspend hands the coroutine handle to another thread here}}
  }
  void await_resume() const noexcept {}
};

Detached move_to_io() {
  std::unique_lock<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::unique_lock<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await on_io_thread{}; // expected-note {{the coroutine suspends here}}
} // expected-note {{'lock' is destroyed here}}

#ifdef FEARLESS_RUN
#include <thread>
void post_to_io_thread(std::function<void()> f) { std::thread(std::move(f)).detach(); }
int main() {
  TaskPool pool(2);
  move_to_pool(pool);
  pool.wait_idle();
}
#endif
