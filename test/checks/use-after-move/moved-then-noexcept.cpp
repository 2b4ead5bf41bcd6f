// The twin of ok-unevaluated-operands.cpp: a real move, then a use; the
// noexcept(...) in between neither moves nor hides anything.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <string>
#include <utility>

void consume(std::string);

void movedForReal() {
  std::string s = "payload";
  consume(std::move(s)); // expected-note {{'s' of type 'std::string' (aka 'basic_string<char>') was moved here}} expected-note {{copy 's' instead of moving it}}
  bool Nothrow = noexcept(std::string(std::move(s)));
  (void)Nothrow;
  s.append("!"); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' (aka 'basic_string<char>') is in a valid but unspecified state}}
}
