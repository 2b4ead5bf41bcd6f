// Regression (real code, docs/real-world.md): FP: a variable declared in the loop body is a new object in every iteration
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
#include <vector>
void f(int len) {
  for (int which = 0; which <= 1; ++which) {
    std::vector<int> longer, shorter; // fresh objects in every iteration
    for (int i = 0; i < len; i++) {
      longer.push_back(i);
      shorter.push_back(i);
    }
    if (which)
      shorter = std::move(longer);
    else
      longer = std::move(shorter);
  }
}
