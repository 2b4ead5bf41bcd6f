// C++ Core Guidelines CP.51: a capturing lambda coroutine invoked as a
// temporary. Its captures live in the lambda object, not in the coroutine
// frame; the lambda object dies at the end of the full-expression while the
// coroutine is suspended, and the frame resumed on the new thread reads them
// through a dangling `this` -- captured by copy or by reference alike.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"
#include <string>

void use(const std::string &);

void startByCopy(std::string job) {
  [job]() -> Detached { // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures [fearless-escaping-borrow]}} expected-note {{the coroutine reads its captures through the lambda object; they are not copied into its frame}} expected-note {{help: pass what the lambda captures as parameters by value, or keep the lambda object alive until the coroutine finishes}}
    co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
    use(job);
  }(); // expected-note {{the temporary is destroyed at the end of this full-expression}}
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void use(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  startByCopy("rebuild index");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
