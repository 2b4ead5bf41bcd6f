// A coroutine whose initial suspend hands it to a new thread (a "run on a
// background thread" task type): its whole body runs there, from the call
// on, beside the caller.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coroutine>

struct Background {
  struct promise_type {
    Background get_return_object() { return {}; }
    resume_on_new_thread initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

int hits = 0;

Background count() { // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  ++hits; // expected-warning {{data race on 'hits': this write can run at the same time as a write in another thread}} expected-note {{help: make 'hits' a std::atomic<int>}}
  co_return;
}
// expected-note@coro/awaitables.h:14 {{await_suspend hands the coroutine handle to another thread here}}

void caller() {
  count(); // expected-note {{'count' is called here}}
  ++hits; // expected-note {{the other write is here}}
}

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  caller();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
