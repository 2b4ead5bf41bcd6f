// Regression (real code, issue 13: a type-erased value test, moving a const object): FP: std::move of a const object yields a const T&&, which binds only to the copy constructor: the source keeps its value
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Holder {
  std::string text;
};
bool sameText(const Holder &a, const Holder &b);
bool copyFromConst() {
  const Holder original{"kept"};
  Holder copy(std::move(original)); // const Holder&&: copies
  return sameText(copy, original);  // original still holds "kept"
}
