// A lambda created after the move captures the moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void sink(std::string);
template <class F> void later(F f) { f(); }
void print(const std::string &);

void lambdaAfterMove() {
  std::string s = "x";
  sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{copy 's' instead}}
  later([s] { print(s); }); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
