// The twin of ok-coroutine-reference-member-argument.cpp: the member is an
// object of the by-value parameter, not a reference, so the frame borrows
// the parameter, which dies when the function returns.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"

struct Counter {
  int n = 0;
};
struct Holder {
  Counter target;
};
Task<int> bump(Counter &c) { co_return ++c.n; } // expected-note {{help: take 'c' by value, so that the coroutine frame owns a copy, or co_await the coroutine before the object dies}}
Task<int> via(Holder holder) {
  return bump(holder.target); // expected-warning {{coroutine 'bump' may outlive 'holder', which it borrows}} expected-note {{'holder' is bound to the reference parameter 'c' here}} expected-note {{the object holding the coroutine's frame is returned here}}
} // expected-note {{'holder' is destroyed when the function returns}}

#ifdef FEARLESS_RUN
int main() {
  Task<int> t = via(Holder{});
  t.start();
  return t.await_resume() == 1 ? 0 : 1;
}
#endif
