// An eager coroutine returns to its caller at its first suspension; the
// awaiter resumes it on another thread, which then writes a global the
// caller goes on reading. Rust: a spawned future and its caller race on
// data both touch only through unsafe code.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>

long progress = 0;

Detached background_step() {
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  progress = 1; // expected-warning {{data race on 'progress': this write can run at the same time as a read in another thread}} expected-note {{help: make 'progress' a std::atomic<long>}}
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

long poll() {
  background_step(); // expected-note {{'background_step' is called here: the call returns at its first suspension and the caller goes on while the coroutine continues}}
  long seen = 0;
  for (int i = 0; i < 100000; ++i)
    seen += progress; // expected-note {{the other read is here}}
  return seen;
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  long n = poll();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return n < 0;
}
#endif
