// A lazy Task does not run at the call: it keeps its reference parameter in
// its frame and runs when awaited. Returned to the caller, it is awaited
// after the local it borrows has died with this function.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <string>

void send(const std::string &);

Task<> upload(const std::string &body) { // expected-note {{help: take 'body' by value}}
  send(body);
  co_return;
}

Task<> startUpload() {
  std::string body = "payload";
  return upload(body); // expected-warning {{coroutine 'upload' may outlive 'body', which it borrows}} expected-note {{'body' is bound to the reference parameter 'body' here}} expected-note {{the object holding the coroutine's frame is returned here}} expected-note {{'body' is destroyed here}}
}

#ifdef FEARLESS_RUN
#include <cstdio>
void send(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  Task<> t = startUpload();
  t.start();
}
#endif
