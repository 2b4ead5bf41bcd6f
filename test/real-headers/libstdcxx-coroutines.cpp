// Coroutines against the real libstdc++ 12 <coroutine>: std::suspend_always
// and std::suspend_never (Models/Coroutines.def), an awaiter that resumes
// on a new std::thread, a lock guard across it, and a coroutine racing with
// its caller.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// RUN: %fearless -std=c++20 -fplugin-arg-fearless-dump=coroutines %s 2>&1 | FileCheck %s
#include <coroutine>
#include <mutex>
#include <thread>

struct Fire {
  struct promise_type {
    Fire get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct on_new_thread {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    std::thread([h] { h.resume(); }).detach(); // expected-note 2 {{await_suspend hands the coroutine handle to another thread here}}
  }
  void await_resume() const noexcept {}
};

std::mutex m;
long total = 0;

// CHECK: coroutine 'locked_step' at [[@LINE+1]]:6: eager
Fire locked_step() {
  // CHECK-NEXT: initial suspend at {{.*}}: does-not-suspend (awaiter 'std::suspend_never')
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await std::suspend_always{}; // resumed by nobody here: not reported
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-here (awaiter 'std::suspend_always')
  co_await on_new_thread{}; // expected-note {{the coroutine suspends here}}
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-elsewhere (awaiter 'on_new_thread')
  ++total;
} // expected-note {{'lock' is destroyed here}}

Fire step() {
  co_await on_new_thread{}; // expected-note {{the coroutine suspends here}}
  ++total; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
}

long caller() {
  step(); // expected-note {{'step' is called here}}
  return total; // expected-note {{the other read is here}}
}

Fire scoped_step() {
  {
    std::lock_guard<std::mutex> lock(m);
    ++total;
  }
  co_await on_new_thread{};
}
