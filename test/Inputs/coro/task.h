// Coroutine types shared by the coroutine tests, written as code bases write
// them (no annotations). Task<T> is lazy: it starts when awaited or start()ed
// and hands control back to its awaiter at the end (symmetric transfer).
// Detached is eager fire-and-forget: it runs at the call until its first
// suspension, and its frame frees itself at the end.
#pragma once
#include <coroutine>
#include <utility>

template <class T> struct TaskValue {
  T value{};
  void return_value(T v) { value = std::move(v); }
  T result() { return std::move(value); }
};
template <> struct TaskValue<void> {
  void return_void() {}
  void result() {}
};

template <class T = void> class Task {
public:
  struct promise_type : TaskValue<T> {
    std::coroutine_handle<> continuation;
    Task get_return_object() {
      return Task(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() const noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> h) const noexcept {
        if (h.promise().continuation)
          return h.promise().continuation;
        return std::noop_coroutine();
      }
      void await_resume() const noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void unhandled_exception() {}
  };
  explicit Task(std::coroutine_handle<promise_type> h) : h_(h) {}
  Task(Task &&o) noexcept : h_(o.h_) { o.h_ = nullptr; }
  Task(const Task &) = delete;
  ~Task() {
    if (h_)
      h_.destroy();
  }
  /// Runs the task on the calling thread until its first suspension.
  void start() { h_.resume(); }
  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> c) noexcept {
    h_.promise().continuation = c;
    return h_;
  }
  T await_resume() { return h_.promise().result(); }

private:
  std::coroutine_handle<promise_type> h_;
};

struct Detached {
  struct promise_type {
    Detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
