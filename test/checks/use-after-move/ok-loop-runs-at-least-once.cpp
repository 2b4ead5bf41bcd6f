// Regression (issue 13: taskflow unittests/test_dependent_asyncs.cpp:699):
// an inner `for (std::size_t n = 0; n < (std::size_t{1} << i); ++n)` runs
// at least once (a shift of 1 is never 0 where it is defined, and the
// comparison is unsigned), so the path that skips it, and reaches the move
// again with the vector still moved-from, is no path. Its first iteration
// (n == 0, known from the loop's init) gives the vector a new state.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address
#include <cstddef>
#include <utility>
#include <vector>

void levels(std::size_t L, std::vector<std::vector<int>> &out) {
  std::vector<int> current;
  for (std::size_t i = 0; i < L; i++) {
    for (std::size_t n = 0; n < (std::size_t{1} << i); n++) {
      if (n == 0)
        current.clear();
      current.push_back(int(n));
    }
    out.push_back(std::move(current));
  }
}

void counted(unsigned L, std::vector<std::vector<int>> &out) {
  std::vector<int> current;
  for (unsigned i = 0; i < L; i++) {
    for (unsigned n = 0; n != 4u; n++) {
      if (n == 0)
        current = {};
      current.push_back(int(n));
    }
    out.push_back(std::move(current));
  }
}

#ifdef FEARLESS_RUN
int main() {
  std::vector<std::vector<int>> out;
  levels(4, out);
  counted(2, out);
  return out.size() == 6 && out[3].size() == 8 ? 0 : 1;
}
#endif
