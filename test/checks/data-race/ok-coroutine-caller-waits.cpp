// The caller waits for the coroutine before it touches what the coroutine
// writes: an atomic flag the coroutine sets (release) after its write and
// the caller spins on (acquire) before its read; or the caller touches
// nothing after the call; or the awaiter resumes on the same thread.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <coro/awaitables.h>
#include <coro/task.h>

long progress = 0;
std::atomic<bool> done{false};

Detached background_step() {
  co_await resume_on_new_thread{};
  progress = 1;
  done.store(true, std::memory_order_release);
}

long poll() {
  background_step();
  while (!done.load(std::memory_order_acquire)) {
  }
  return progress;
}

long unseen = 0;
Detached fire_and_forget() {
  co_await resume_on_new_thread{};
  unseen = 1;
}
void start_only() { fire_and_forget(); }

long here = 0;
Detached same_thread() {
  co_await resume_here{};
  here = 1;
}
long read_here() {
  same_thread();
  return here;
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  long n = poll();
  start_only();
  n += read_here();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return n < 0;
}
#endif
