// The move and the use are arguments of one call: their order is not
// specified, so the use may see the moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void take(std::string, unsigned long);
void takeReversed(unsigned long, std::string);

void unsequenced() {
  std::string a = "x";
  take(std::move(a), a.size()); // expected-warning {{'a' used after it was moved: the move and the use are unsequenced}} expected-note {{'a' of type 'std::string' was moved here}} expected-note {{copy 'a' instead}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  std::string b = "y";
  takeReversed(b.size(), std::move(b)); // expected-warning {{'b' used after it was moved: the move and the use are unsequenced}} expected-note {{'b' of type 'std::string' was moved here}} expected-note {{copy 'b' instead}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
