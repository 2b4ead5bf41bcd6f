// The same with the caller's local: the caller returns while the coroutine
// is suspended, and the frame resumed on the new thread reads the dead local.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached logLater(const std::string &line) { // expected-note {{help: take 'line' by value}}
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  use(line);
}

void report() {
  std::string message = "error: disk full";
  logLater(message); // expected-warning {{coroutine 'logLater' may outlive 'message', which it borrows}} expected-note {{'message' is bound to the reference parameter 'line' here}}
} // expected-note {{'message' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void use(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  report();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
