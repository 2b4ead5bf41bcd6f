// googletest's FAIL() against the real Debian headers (libgtest-dev): a
// `default: FAIL();` states that the default cannot be reached
// (Models/Paths.def), so its return leaves no thread joinable; a failing
// ASSERT_TRUE between the spawn and the join is an ordinary path, and its
// return destroys the joinable thread (std::terminate).
// REQUIRES: gtest
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <gtest/gtest.h>
#include <cstddef>
#include <thread>
#include <vector>

void work(std::size_t);
bool ready();

TEST(Digits, DefaultCannotBeReached) {
  const std::size_t base[3] = {1, 5, 25};
  for (std::size_t n = 0; n < 25; n++) {
    std::vector<std::thread> threads;
    for (std::size_t bi = 0; bi < 2; bi++) {
      std::size_t d = (n % base[bi + 1]) / base[bi];
      switch (d) {
      case 0: case 1: case 2: case 3: case 4:
        threads.emplace_back(work, bi);
        break;
      default:
        FAIL() << "a base-5 digit is at most 4";
      }
    }
    for (auto &t : threads)
      t.join();
  }
}

TEST(Digits, AssertBeforeJoin) {
  std::thread t(work, 1); // expected-note {{the thread is started here}}
  ASSERT_TRUE(ready()); // expected-warning {{'t' is destroyed while still joinable, which calls std::terminate}}
  t.join(); // expected-note {{'t' is joined here, but this path does not reach it}}
}
