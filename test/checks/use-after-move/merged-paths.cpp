// Moved on one path, used after the paths merge.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void sink(std::string);
void print(const std::string &);

void merge(bool cond) {
  std::string s = "x";
  if (cond)
    sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{copy 's' instead}}
  print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
