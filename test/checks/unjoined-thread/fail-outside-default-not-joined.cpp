// The twin of ok-switch-default-fail.cpp: a FAIL() under an `if` is a
// check that fails at run time, not a statement that the path cannot run,
// so its `return` destroys the joinable threads (std::terminate).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
#include <gtest-mock.h>
#include <cstddef>
#include <thread>
#include <vector>

void work(std::size_t);

void runDigits(std::size_t n, std::size_t digits) {
  std::vector<std::thread> threads;
  for (std::size_t bi = 0; bi < digits; bi++) {
    std::size_t d = n % 10;
    n /= 10;
    if (d > 4)
      FAIL() << "not a base-5 digit"; // expected-warning {{threads in 'threads' are destroyed while still joinable, which calls std::terminate}}
    threads.emplace_back(work, d); // expected-note {{the thread is started here}}
  }
  for (auto &t : threads)
    t.join(); // expected-note {{'threads' is joined here, but this path does not reach it}}
}

#ifdef FEARLESS_RUN
void work(std::size_t) {}
int main() { runDigits(71, 2); } // 1 starts a thread, then 7 fails
#endif
