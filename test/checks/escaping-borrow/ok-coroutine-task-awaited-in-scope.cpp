// A lazy Task awaited in the caller's scope borrows like a scoped thread:
// awaited in the full-expression that creates the temporary, or kept in a
// local and awaited before the borrowed local dies; a lambda coroutine
// awaited where it is written keeps its lambda object alive throughout.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "coro/task.h"
#include <string>

void send(const std::string &);

Task<> upload(const std::string &body) {
  send(body);
  co_return;
}

Task<> uploadAll() {
  co_await upload(std::string("header"));
  std::string body = "payload";
  Task<> t = upload(body);
  co_await t;
  co_await [body]() -> Task<> {
    send(body);
    co_return;
  }();
}

#ifdef FEARLESS_RUN
#include <cstdio>
void send(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  Task<> t = uploadAll();
  t.start();
}
#endif
