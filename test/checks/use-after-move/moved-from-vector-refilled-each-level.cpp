// Real code, issue 13 (taskflow unittests/test_dependent_asyncs.cpp:678,
// 688, 699): a level-by-level loop appends to a std::vector that the
// previous level move-assigned away. push_back reads the moved-from
// vector's unspecified contents (the standard leaves a move-assigned-from
// vector "valid but unspecified": the index parents[n / 2] assumes it is
// empty), so the first push_back after the move is reported, as clang-tidy's
// bugprone-use-after-move and the Static Analyzer's cplusplus.Move do; the
// fix is `children.clear()` after the move. Every implementation leaves it
// empty, so no sanitizer can show it: this test carries no program.
// The move itself is not reported again: the inner loop's condition
// (0 < 1 << i, unsigned) is true when it is entered, so every path from
// the move back to it passes a push_back first.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <cstddef>
#include <utility>
#include <vector>

int spawn(int);

void levels(std::size_t L) {
  std::vector<int> parents, children;
  int id = 1;
  for (std::size_t i = 0; i < L; i++) {
    for (std::size_t n = 0; n < (std::size_t{1} << i); n++) {
      if (id == 1)
        children.push_back(spawn(id)); // expected-warning {{'children' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
      else
        children.push_back(spawn(parents[n / 2])); // expected-warning {{'children' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
      id++;
    }
    parents = std::move(children); // expected-note 2 {{was moved here}} expected-note 2 {{help:}}
  }
}
