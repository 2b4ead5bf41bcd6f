// Coroutines in code that does not compile are skipped without a crash and
// without findings: an undeclared awaiter, an awaiter without await_ready, a
// promise type that does not exist, a co_await outside a valid coroutine.
// The plugin is loaded by hand (not %fearless-mock) so that the front-end
// parity tests, which need code that compiles, leave this file out.
// RUN: %cxx -fsyntax-only -fplugin=%plugin -nostdinc++ -isystem %mock -I%annotations -I%test-inputs -std=c++20 -Xclang -verify %s
#include <coro/awaitables.h>
#include <coro/task.h>
#include <mutex>

std::mutex m;

Detached undeclared() {
  std::lock_guard<std::mutex> lock(m);
  co_await no_such_awaiter{}; // expected-error {{use of undeclared identifier 'no_such_awaiter'}}
}

struct half_awaiter {
  void await_suspend(std::coroutine_handle<> h) const {
    std::thread([h] { h.resume(); }).detach();
  }
};

Detached incomplete_awaiter() {
  std::lock_guard<std::mutex> lock(m);
  co_await half_awaiter{}; // expected-error {{no member named 'await_ready'}}
}

struct NoPromise {};
NoPromise no_promise() {
// expected-error@coroutine:7 {{no type named 'promise_type' in 'NoPromise'}}
  std::lock_guard<std::mutex> lock(m);
  co_await resume_on_new_thread{}; // expected-note {{in instantiation of template class 'std::coroutine_traits<NoPromise>' requested here}}
}

template <class T> Detached dependent_broken(T t) {
  std::lock_guard<std::mutex> lock(m);
  co_await t.missing(); // expected-error {{no member named 'missing'}}
}
void use() { dependent_broken(resume_here{}); } // expected-note {{in instantiation of}}
