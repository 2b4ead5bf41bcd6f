// A coroutine taking a reference writes through it after resuming on
// another thread, while its caller writes the same object after the call.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>

struct Stats {
  long hits = 0;
};
Stats stats;

Detached count_later(Stats &s) {
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here}}
  ++s.hits; // expected-warning {{data race on 'stats.hits': this write can run at the same time as a write in another thread}} expected-note {{help: make 'stats.hits' a std::atomic<long>}}
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

void record() {
  count_later(stats); // expected-note {{'count_later' is called here}}
  ++stats.hits; // expected-note {{the other write is here}}
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  for (int i = 0; i < 20; ++i)
    record();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
