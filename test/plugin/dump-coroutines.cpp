// The "coroutines" dump shows the coroutine model the checks read: eager or
// lazy, each suspension point and where the coroutine continues after it.
// RUN: %fearless-mock -std=c++20 -fplugin-arg-fearless-dump=coroutines %s 2>&1 | FileCheck %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <fearless/annotations.h>
#include <future>

// CHECK: coroutine 'on_thread' at [[@LINE+1]]:10: eager
Detached on_thread() {
  // CHECK-NEXT: initial suspend at [[@LINE-1]]:22: does-not-suspend (awaiter 'std::suspend_never')
  co_await resume_on_new_thread{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-elsewhere (awaiter 'resume_on_new_thread'): the handle goes to the spawn at {{.*}}awaitables.h:14:5
  co_await std::suspend_always{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-here (awaiter 'std::suspend_always')
  co_await resume_here{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: does-not-suspend (awaiter 'resume_here')
  // CHECK-NEXT: final suspend at {{.*}}: does-not-suspend (awaiter 'std::suspend_never')
}

// A copy of the handle in a lambda handed to std::async.
struct via_async {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    auto copy = h;
    (void)std::async(std::launch::async, [copy] { copy.resume(); });
  }
  void await_resume() const noexcept {}
};

// The handle is stored where the analysis does not follow.
std::coroutine_handle<> parked;
struct park {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { parked = h; }
  void await_resume() const noexcept {}
};

// Marked: await_suspend is not visible.
struct FEARLESS_RESUMES_ELSEWHERE on_io_thread {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) const;
  void await_resume() const noexcept;
};

// CHECK: coroutine 'kinds' at [[@LINE+1]]:8: lazy
Task<> kinds() {
  // CHECK-NEXT: initial suspend at {{.*}}: resumes-here (awaiter 'std::suspend_always')
  co_await via_async{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-elsewhere (awaiter 'via_async'): the handle goes to the spawn at 26:11
  co_await park{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: unknown (awaiter 'park')
  co_await on_io_thread{};
  // CHECK-NEXT: co_await at [[@LINE-1]]:3: resumes-elsewhere (awaiter 'on_io_thread'): marked fearless::resumes_elsewhere
  // CHECK-NEXT: final suspend at {{.*}}: resumes-here (awaiter '{{.*}}FinalAwaiter')
}

Task<int> child_here() { co_return 1; }
Task<int> child_elsewhere() {
  co_await resume_on_new_thread{};
  co_return 2;
}

// CHECK: coroutine 'parent' at [[@LINE+1]]:11: lazy
Task<int> parent() {
  // CHECK-NEXT: initial suspend
  int a = co_await child_here();
  // CHECK-NEXT: co_await at [[@LINE-1]]:11: resumes-here (awaiter 'Task<int>')
  int b = co_await child_elsewhere();
  // CHECK-NEXT: co_await at [[@LINE-1]]:11: resumes-elsewhere (awaiter 'Task<int>'): the awaited coroutine resumes elsewhere at {{.*}}awaitables.h:14:5
  co_return a + b;
}

// A coroutine template: only its instantiations have a model.
template <class T> Task<T> generic(T v) {
  co_await resume_on_new_thread{};
  co_return v;
}
// CHECK: coroutine 'generic<long>' at [[@LINE-4]]:28: lazy
template Task<long> generic<long>(long);
