// An eager coroutine keeps its reference parameter in its frame. It suspends
// on an awaitable that resumes it on a new thread, and by then the caller's
// temporary string is gone: the frame reads a dead object.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached logLater(const std::string &line) { // expected-note {{help: take 'line' by value, so that the coroutine frame owns a copy, or co_await the coroutine before the object dies}}
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  use(line);
}

void report() {
  logLater(std::string("disk full")); // expected-warning {{coroutine 'logLater' may outlive the temporary bound to its parameter 'line' [fearless-escaping-borrow]}} expected-note {{a temporary is bound to the reference parameter 'line' here}} expected-note {{the temporary is destroyed at the end of this full-expression}}
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void use(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  report();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
