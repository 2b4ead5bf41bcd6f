// The guard's scope ends before the co_await: the mutex is unlocked on the
// thread that locked it, and the coroutine goes on without it on the other
// thread.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;
int total = 0;

Detached add_twice(int n) {
  {
    std::lock_guard<std::mutex> lock(m);
    total += n;
  }
  co_await resume_on_new_thread{};
  std::lock_guard<std::mutex> again(m);
  total += n;
}

// A unique_lock released before the co_await owns nothing across it.
Detached add_unlocked(int n) {
  std::unique_lock<std::mutex> lock(m);
  total += n;
  lock.unlock();
  co_await resume_on_new_thread{};
  n += 1;
}

// A deferred unique_lock never locked owns nothing.
Detached add_deferred(int n) {
  std::unique_lock<std::mutex> lock(m, std::defer_lock);
  co_await resume_on_new_thread{};
  n += 1;
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  add_twice(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  add_unlocked(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  add_deferred(1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
