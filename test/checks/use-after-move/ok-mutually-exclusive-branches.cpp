// A move and a use under opposite values of one flag the function never
// writes (`if (b)` then `if (!b)`) are never on one path (cplusplus.Move is
// silent; clang-tidy reports it).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
void sink(std::string);
void print(const std::string &);

void exclusive(bool handOver) {
  std::string s = "x";
  if (handOver)
    sink(std::move(s));
  if (!handOver)
    print(s); // only when s was not moved
}
