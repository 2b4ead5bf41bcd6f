// A coroutine template is analysed in its instantiations: here its caller,
// itself a template, binds a temporary to the coroutine's reference
// parameter (ok-coroutine-uninstantiated-template.cpp: the same code with
// no instantiation is skipped).
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/awaitables.h" // expected-note@coro/awaitables.h:* {{await_suspend hands the coroutine handle to another thread here}}
#include "coro/task.h"
#include <string>

void use(const std::string &);

template <class T> Detached logValue(const T &value) { // expected-note {{help: take 'value' by value}}
  co_await resume_on_new_thread{}; // expected-note {{the coroutine suspends here and may be resumed on another thread}}
  use(value);
}

template <class T> void reportLater(T message) {
  logValue(T(message)); // expected-warning {{coroutine 'logValue' may outlive the temporary bound to its parameter 'value'}} expected-note {{a temporary is bound to the reference parameter 'value' here}} expected-note {{the temporary is destroyed at the end of this full-expression}}
}

void report() { reportLater(std::string("disk full")); }

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void use(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  report();
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
