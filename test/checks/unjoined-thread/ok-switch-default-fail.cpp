// Regression (real code, issue 13: rocksdb's
// write_prepared_transaction_test.cc starts one thread per base-5 digit of
// the case number, `switch (d) { case 0: ... case 4: ...; default: FAIL(); }`,
// and joins them after the loop): FP: `default: FAIL();` is googletest's
// documented way of saying the default cannot be reached
// (Models/Paths.def), like `default: assert(false);`, so its `return` is
// not a path that leaves the threads joinable. A FAIL() that is not the
// whole default is an ordinary path: fail-outside-default-not-joined.cpp.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <gtest-mock.h>
#include <cstddef>
#include <thread>
#include <vector>

void work(std::size_t);

void runDigits(std::size_t n) {
  const std::size_t base[3] = {1, 5, 25};
  std::vector<std::thread> threads;
  for (std::size_t bi = 0; bi < 2; bi++) {
    std::size_t d = (n % base[bi + 1]) / base[bi]; // 0..4
    switch (d) {
    case 0:
    case 1:
    case 2:
      threads.emplace_back(work, bi);
      break;
    case 3:
    case 4:
      threads.emplace_back(work, bi + 1);
      break;
    default:
      FAIL() << "a base-5 digit is at most 4";
    }
  }
  for (auto &t : threads)
    t.join();
}

#ifdef FEARLESS_RUN
void work(std::size_t) {}
int main() {
  for (std::size_t n = 0; n < 25; n++)
    runDigits(n);
}
#endif
