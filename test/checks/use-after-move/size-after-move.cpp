// The twin of ok-moved-from-state-queries.cpp: size() is not a state query
// fearless lets pass (the moved-from size is unspecified; clang-tidy's
// bugprone-use-after-move and cplusplus.Move report it too), and neither is
// push() on a user class.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <utility>
#include <vector>

struct Batch {
  std::vector<int> items;
  void push(int v) { items.push_back(v); }
};

unsigned sizeAfterMove() {
  std::vector<int> v{1, 2};
  std::vector<int> w = std::move(v); // expected-note {{'v' of type 'std::vector<int>' was moved here}} expected-note {{copy 'v' instead of moving it}}
  return v.size() + w.size();        // expected-warning {{'v' used after it was moved}} expected-note {{a moved-from 'std::vector<int>' is in a valid but unspecified state}}
}

void pushAfterMove() {
  Batch a;
  Batch b = std::move(a); // expected-note {{'a' of type 'Batch' was moved here}} expected-note {{copy 'a' instead of moving it}}
  a.push(1);              // expected-warning {{'a' used after it was moved}}
  (void)b;
}
