// Taking the string by value copies it into the coroutine's frame: the
// frame resumed on the new thread owns what it reads, whatever the caller
// passed.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "coro/awaitables.h"
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached logLater(std::string line) {
  co_await resume_on_new_thread{};
  use(line);
}

void report() {
  logLater(std::string("disk full"));
  std::string message = "error: disk full";
  logLater(message);
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
