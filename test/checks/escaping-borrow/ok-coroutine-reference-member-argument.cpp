// A coroutine's reference parameter bound to a reference member of a
// by-value parameter (cppcoro's schedule_on_transform): the frame borrows
// the referent, the caller's object, not the parameter holding the
// reference, which dies first.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"

struct Counter {
  int n = 0;
};
struct Holder {
  Counter &target;
};
Task<int> bump(Counter &c) { co_return ++c.n; }
Task<int> via(Holder holder) { return bump(holder.target); }

#ifdef FEARLESS_RUN
int main() {
  Counter c;
  Task<int> t = via(Holder{c});
  t.start();
  return t.await_resume() == 1 ? 0 : 1;
}
#endif
