// An eager coroutine whose only co_await does not suspend (await_suspend
// returns false) runs to completion inside the call, like a plain function:
// the temporary is still alive for all of it.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "coro/awaitables.h"
#include "coro/task.h"
#include <string>

void use(const std::string &);

Detached logNow(const std::string &line) {
  co_await resume_here{};
  use(line);
}

void report() { logNow(std::string("disk full")); }

#ifdef FEARLESS_RUN
#include <cstdio>
void use(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() { report(); }
#endif
