// The twin of ok-stackless-coroutine-yield.cpp: after the loop the handler
// is moved into an operation that is not the statement of a yield, so the
// function goes on within the same call and reads the moved-from handler.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
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
        yield async_wait(std::move(self)); // leaves: not reported
      }
      async_wait(std::move(self)); // expected-note {{'self' of type 'Handler' was moved here}} expected-note {{help: move 'self' only after its last use}}
      complete(*self.state); // expected-warning {{'self' used after it was moved}}
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
  return total;
}
#endif
