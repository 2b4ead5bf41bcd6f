// A copy of a non-atomically counted handle (Rust's Rc) alive across a
// co_await that resumes the coroutine on another thread: its destructor
// decrements the shared count there while the caller's copies change it
// here. An Arc (atomic count) in its place is fine.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <fearless/refcounted.h>

struct Settings {
  int level = 0;
};

Detached apply_later(const Rc<Settings> &shared) {
  Rc<Settings> mine = shared; // expected-warning {{'mine' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'Rc<Settings>' is not Send}} expected-note {{help: end the scope of 'mine'}}
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here}}
  (void)mine->level;
} // expected-note {{'mine' is destroyed here}}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}
// expected-note@fearless/refcounted.h:16 {{'Rc<Settings>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}

Detached apply_later_atomic(const Arc<Settings> &shared) {
  Arc<Settings> mine = shared;
  co_await resume_on_new_thread{};
  (void)mine->level;
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Rc<Settings> s;
  for (int i = 0; i < 50; ++i) {
    apply_later(s);
    for (int j = 0; j < 1000; ++j) {
      Rc<Settings> copy = s;
      (void)copy;
    }
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
}
#endif
