// Coroutines fearless cannot or need not analyse are skipped without a
// crash: a coroutine template's dependent awaiter (only its instantiations
// are analysed), a template never instantiated, an awaiter whose
// await_suspend is only declared, and a handle stored where the analysis
// does not follow (unknown: not reported). Invalid code:
// test/plugin/coroutine-invalid-code.cpp.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;

template <class Awaiter> Detached generic(Awaiter a) {
  std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await' after which the coroutine may continue on another thread, but its type 'std::lock_guard<std::mutex>' is not Send}} expected-note {{lock guard}} expected-note {{help: end the scope}}
  co_await a; // expected-note {{the coroutine suspends here}}
} // expected-note {{'lock' is destroyed here}}
// expected-note@coro/awaitables.h:14 2 {{await_suspend hands the coroutine handle to another thread here}}

template <class T> Detached never_instantiated(T t) {
  std::lock_guard<std::mutex> lock(m);
  co_await t;
}

void use() {
  generic(resume_here{});
  generic(resume_on_new_thread{}); // expected-note {{in instantiation of}}
}

struct declared_only {
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<> h) const;
  void await_resume() const noexcept;
};

Detached opaque() {
  std::lock_guard<std::mutex> lock(m);
  co_await declared_only{};
}

std::coroutine_handle<> parked;
struct park {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { parked = h; }
  void await_resume() const noexcept {}
};

Detached parked_somewhere() {
  std::lock_guard<std::mutex> lock(m);
  co_await park{};
}

// A lambda coroutine: analysed with the function it is written in.
void lambda_coroutine() {
  auto body = []() -> Detached {
    std::lock_guard<std::mutex> lock(m); // expected-warning {{'lock' is held across a 'co_await'}} expected-note {{lock guard}} expected-note {{help: end the scope}}
    co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here}}
  }; // expected-note {{'lock' is destroyed here}}
  body();
}
