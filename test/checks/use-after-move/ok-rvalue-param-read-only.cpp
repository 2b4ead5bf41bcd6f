// Regression (real code, issue 13: a seed-sequence helper taking SSeq&& that only reads it): FP: the T&& callee's body, visible here, never moves its parameter: the argument keeps its value
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
#include <vector>
template <typename Seq> std::size_t countItems(Seq &&seq) {
  std::size_t n = 0;
  for (const auto &item : seq) // reads only: nothing is moved out of seq
    n += item.size();
  return n;
}
std::size_t twice() {
  std::vector<std::string> words{"a", "bc"};
  std::size_t first = countItems(std::move(words));
  return first + words.size(); // words is intact
}
