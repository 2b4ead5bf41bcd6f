// Twin of ok-move-const-object.cpp: the same object, not const, is moved
// (Holder&& selects the move constructor) and reading it is reported.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
struct Holder {
  std::string text;
};
bool sameText(const Holder &a, const Holder &b);
bool copyFromNonConst() {
  Holder original{"moved"};
  Holder copy(std::move(original)); // expected-note {{'original' of type 'Holder' was moved here}} expected-note {{copy 'original' instead of moving it if it is still needed}}
  return sameText(copy, original);  // expected-warning {{'original' used after it was moved}}
}
