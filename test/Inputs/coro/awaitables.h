// Awaitables shared by the coroutine tests. resume_on_new_thread hands the
// suspended coroutine to a new detached thread, which resumes it there: the
// code after `co_await resume_on_new_thread{}` runs on another thread, while
// the caller of the coroutine has already gone on. resume_here does not
// suspend at all (await_suspend returns false), so the coroutine continues on
// the thread that awaited it.
#pragma once
#include <coroutine>
#include <thread>

struct resume_on_new_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    std::thread([h] { h.resume(); }).detach();
  }
  void await_resume() const noexcept {}
};

struct resume_here {
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<>) const noexcept { return false; }
  void await_resume() const noexcept {}
};

// schedule_on hands the suspended coroutine to a thread pool (anything with
// a submit(callable) that runs it on the pool's worker threads): the code
// after `co_await schedule_on<Pool>{pool}` runs on one of the workers.
template <class Pool> struct schedule_on {
  Pool &pool;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    pool.submit([h] { h.resume(); });
  }
  void await_resume() const noexcept {}
};
