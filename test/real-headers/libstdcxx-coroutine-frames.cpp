// Coroutine frames that outlive what they borrow, against the real
// libstdc++ 12 <coroutine>, <string> and <thread> (fearless-escaping-borrow),
// with their silent twins.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* 2 {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached logLater(const std::string &line) { // expected-note {{help: take 'line' by value}}
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  use(line);
}

Detached logNow(const std::string &line) {
  co_await resume_here{};
  use(line);
}

Task<> upload(const std::string &body) {
  use(body);
  co_return;
}

void temporary() {
  logLater(std::string("disk full")); // expected-warning {{coroutine 'logLater' may outlive the temporary bound to its parameter 'line'}} expected-note {{a temporary is bound to the reference parameter 'line' here}} expected-note {{the temporary is destroyed at the end of this full-expression}}
  logNow(std::string("disk full"));
}

void closure(std::string job) {
  [job]() -> Detached { // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures}} expected-note {{the coroutine reads its captures through the lambda object}} expected-note {{help: pass what the lambda captures as parameters by value}}
    co_await resume_on_new_thread{}; // expected-note {{may be resumed on another thread}}
    use(job);
  }(); // expected-note {{the temporary is destroyed at the end of this full-expression}}
}

Task<> awaitedInScope() {
  co_await upload(std::string("header"));
  std::string body = "payload";
  Task<> t = upload(body);
  co_await t;
}
