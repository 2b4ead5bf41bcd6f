// Rust Book chapter 17 (listings 17-21 and on): trpl::race runs two futures
// and finishes with the first one that completes, dropping the other;
// rustc accepts both borrowing `winner` because the race is awaited in
// place and the loser is dropped before anything it borrows. The C++20
// twin: race() awaits the first task and destroys the second without
// starting it, all on the calling thread and before `winner` dies. Nothing
// runs at the same time and nothing outlives what it borrows: fearless is
// silent, like rustc. (Two coroutines resumed on other threads are not yet
// paired with each other: see docs/checks/data-race.md, Limitations.)
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include "coro/task.h"
#include <cstdio>
#include <string>

Task<> race(Task<> first, Task<> second) {
  co_await first; // the first one to finish wins; the other is dropped
}

Task<> pick() {
  std::string winner;
  auto slow = [&winner]() -> Task<> {
    winner = "slow";
    co_return;
  };
  auto fast = [&winner]() -> Task<> {
    winner = "fast";
    co_return;
  };
  co_await race(fast(), slow());
  std::printf("%s finished first\n", winner.c_str());
}

int main() {
  Task<> t = pick();
  t.start();
}
