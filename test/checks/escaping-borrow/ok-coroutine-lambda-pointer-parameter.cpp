// A capture-less lambda coroutine has nothing in its lambda object: what it
// uses comes in as parameters, copied into its frame. The pointer it gets
// points to an object that outlives the coroutine.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include "coro/awaitables.h"
#include "coro/task.h"

struct Counter {
  int hits = 0;
};
Counter requests;

void use(int);

void start() {
  [](Counter *c) -> Detached {
    co_await resume_on_new_thread{};
    use(c->hits);
  }(&requests);
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
