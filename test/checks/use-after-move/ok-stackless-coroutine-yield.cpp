// Asio's stackless coroutines (`reenter`/`yield`, asio/src/examples/cpp11/
// operations/composed_8.cpp): each `yield` hands the handler to an
// asynchronous operation and leaves the function; the next call comes with
// a new handler and jumps to the case label after that yield. In the
// switch the macros expand to, the only path from the moving statement
// back to itself is the false edge of `if (_coro_value)` right after the
// switch into the statement found `_coro_value` true: two tests of one
// unchanged local with opposite outcomes, which no execution takes. The
// rule is about those tests, not about the macros.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include "asio-coro/coroutine.h"
#include <memory>
#include <utility>
#include <vector>

struct Handler {
  std::unique_ptr<int> state;
};
void async_wait(Handler h); // calls the handler later, never inline
void complete(int value);

struct WriteMessages {
  coroutine coro_;
  int repeat_ = 2;

  void operator()(Handler &self) {
    reenter (coro_) {
      while (repeat_ > 0) {
        --repeat_;
        yield async_wait(std::move(self)); // leaves; 'self' is new next time
        yield async_wait(std::move(self));
      }
      complete(*self.state);
    }
  }
};

#ifdef FEARLESS_RUN
std::vector<Handler> pending;
void async_wait(Handler h) { pending.push_back(std::move(h)); }
int total = 0;
void complete(int value) { total += value; }
int main() {
  WriteMessages op;
  Handler first{std::make_unique<int>(1)};
  op(first);
  while (!pending.empty()) {
    Handler next = std::move(pending.back());
    pending.pop_back();
    op(next);
  }
  return total == 1 ? 0 : 1;
}
#endif
