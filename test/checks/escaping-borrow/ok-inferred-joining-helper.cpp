// An unannotated helper runs its callable on a thread and joins it before
// returning: a scoped spawn, whose borrows end with the call.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include <thread>
#include <utility>

template <class F> void run_and_wait(F &&f) {
  std::thread t(std::forward<F>(f));
  t.join();
}

int handle() {
  int request = 5;
  run_and_wait([&] { request += 1; });
  request += 1; // after the join: no race either
  return request;
}

#ifdef FEARLESS_RUN
int main() { return handle() != 7; }
#endif
