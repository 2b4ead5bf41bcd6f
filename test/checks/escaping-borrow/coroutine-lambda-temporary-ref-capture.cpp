// The by-reference form of CP.51: `[&count]` puts a reference to 'count' in
// the lambda object, which dies at the end of the full-expression (and
// 'count' with the function); the coroutine resumed on the new thread reads
// the reference out of the dead lambda object.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"

void use(int);

void start() {
  int count = 3;
  [&count]() -> Detached { // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures}} expected-note {{the coroutine reads its captures through the lambda object}} expected-note {{help: pass what the lambda captures as parameters by value}}
    co_await resume_on_new_thread{}; // expected-note {{may be resumed on another thread}}
    use(count);
  }(); // expected-note {{the temporary is destroyed at the end of this full-expression}}
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void use(int n) { std::printf("%d\n", n); }
int main() {
  start();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
