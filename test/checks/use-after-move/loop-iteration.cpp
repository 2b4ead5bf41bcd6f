// Moved inside a loop, used in a later iteration.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
#include <vector>

void print(const std::string &);

void loop(std::vector<std::string> &out) {
  std::string s = "x";
  for (int i = 0; i < 10; ++i) {
    print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
    out.push_back(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here in a previous iteration of the loop}} expected-note {{copy 's' instead}}
  }
}
