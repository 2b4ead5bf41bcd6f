// An awaiter that hands the coroutine to oneTBB's task_group (a library
// executor of Models/Executors.def) against the real Debian headers: a
// TBB worker resumes the coroutine, so a guard held across the co_await is
// unlocked there.
// REQUIRES: onetbb
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <coroutine>
#include <mutex>
#include <oneapi/tbb/task_group.h>

struct Fire {
  struct promise_type {
    Fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct on_task_group {
  tbb::task_group &tg;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    tg.run([h] { h.resume(); }); // expected-note {{await_suspend hands the coroutine handle to another thread here}}
  }
  void await_resume() const noexcept {}
};

std::mutex m;
long total = 0;

Fire locked(tbb::task_group &tg) {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await on_task_group{tg}; // expected-note {{the coroutine suspends here}}
  ++total;
} // expected-note {{'lock' is destroyed here}}
