// A lazy lambda coroutine invoked as a temporary and kept in a local: the
// lambda object (and the copy of 'name' it holds) dies at the end of the
// declaration, before the task ever runs; awaiting it reads a dead object.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <string>

void greet(const std::string &);

Task<> greeter(std::string name) {
  Task<> t = [name]() -> Task<> { // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures}} expected-note {{the coroutine reads its captures through the lambda object}} expected-note {{help: pass what the lambda captures as parameters by value}} expected-note {{the object holding the coroutine's frame is kept in 't' here; the frame runs when it is awaited}}
    greet(name);
    co_return;
  }(); // expected-note {{the temporary is destroyed at the end of this full-expression}}
  co_await t; // (the kept task is what runs the frame)
}

#ifdef FEARLESS_RUN
#include <cstdio>
void greet(const std::string &s) { std::printf("hello %s\n", s.c_str()); }
int main() {
  Task<> t = greeter("ferris");
  t.start();
}
#endif
