// Coroutines: analysed or skipped, never a crash.
// RUN: %fearless -std=c++20 -fsyntax-only %s
#include <coroutine>
#include <thread>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task coro() {
  int local = 0;
  std::thread t([&] { ++local; });
  t.join();
  co_return;
}
