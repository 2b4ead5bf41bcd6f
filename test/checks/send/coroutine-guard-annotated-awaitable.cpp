// An awaitable whose await_suspend is not visible (a library's) marked
// fearless::resumes_elsewhere: the coroutine may continue on another thread
// after it, so a guard held across it is sent there.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/task.h>
#include <fearless/annotations.h>
#include <mutex>

struct FEARLESS_RESUMES_ELSEWHERE io_wait { // expected-note {{'io_wait' is marked fearless::resumes_elsewhere here}}
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) const;
  void await_resume() const noexcept;
};

std::mutex m;
int total = 0;

Detached read_more() {
  std::scoped_lock lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::scoped_lock<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await io_wait{}; // expected-note {{the coroutine suspends here}}
  ++total;
} // expected-note {{'lock' is destroyed here}}

// A coroutine return type marked: every suspension of a coroutine returning
// it may continue on another thread (its runtime resumes it there), even on
// std::suspend_always.
struct FEARLESS_RESUMES_ELSEWHERE PoolJob { // expected-note {{'PoolJob' is marked fearless::resumes_elsewhere here}}
  struct promise_type {
    PoolJob get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

PoolJob job() {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await std::suspend_always{}; // expected-note {{the coroutine suspends here}}
} // expected-note {{'lock' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
bool io_wait::await_ready() const noexcept { return false; }
void io_wait::await_suspend(std::coroutine_handle<> h) const {
  std::thread([h] { h.resume(); }).detach();
}
void io_wait::await_resume() const noexcept {}
int main() {
  read_more();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}
#endif
