// The twin of ok-coroutine-task-given-to-runner.cpp: the function the task
// is given to keeps it for later (in a global list), so the frame outlives
// the local it borrows.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <utility>
#include <vector>

std::vector<Task<int>> pending;
void keep(Task<int> t) { pending.push_back(std::move(t)); }
Task<int> read(const int &x) { co_return x + 1; } // expected-note {{help: take 'x' by value, so that the coroutine frame owns a copy, or co_await the coroutine before the object dies}}

void later() {
  int local = 41;
  keep(read(local)); // expected-warning {{coroutine 'read' may outlive 'local', which it borrows}} expected-note {{'local' is bound to the reference parameter 'x' here}} expected-note {{the object holding the coroutine's frame is moved here to where it is not followed}}
} // expected-note {{'local' is destroyed here}}

#ifdef FEARLESS_RUN
int main() {
  later();
  pending.back().start();
  return pending.back().await_resume() == 42 ? 0 : 1;
}
#endif
