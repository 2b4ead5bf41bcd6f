// The twin of ok-coroutine-tasks-combined-then-run.cpp: the combined
// awaitable that holds the tasks is kept in a global and run after the
// lambda objects holding their captures have died.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <tuple>
#include <utility>
#include <vector>

template <class... Ts> struct AllOf {
  std::tuple<Ts...> tasks;
  void run() {
    std::apply([](auto &...t) { (t.start(), ...); }, tasks);
  }
};
template <class... Ts> AllOf<Ts...> all_of(Ts &&...ts) {
  return AllOf<Ts...>{std::tuple<Ts...>(std::move(ts)...)};
}
std::vector<AllOf<Task<>>> later;

void schedule(int &counter) {
  auto bump = [&]() -> Task<> { // expected-note {{the coroutine reads its captures through the lambda object; they are not copied into its frame}} expected-note {{help: pass what the lambda captures as parameters by value, or keep the lambda object alive until the coroutine finishes}}
    ++counter;
    co_return;
  };
  later.push_back(all_of(bump())); // expected-warning {{coroutine lambda may outlive the lambda object that holds its captures}} expected-note {{the object holding the coroutine's frame is stored in 'later' here, which outlives this scope}}
} // expected-note {{'bump' is destroyed here}}

#ifdef FEARLESS_RUN
int main() {
  int counter = 0;
  schedule(counter);
  later.back().run();
  return counter == 1 ? 0 : 1;
}
#endif
