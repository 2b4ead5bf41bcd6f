// The twin of ok-mutually-exclusive-branches.cpp: the flag changes between
// the two tests, so the use can follow the move.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
void sink(std::string);
void print(const std::string &);

void flipped(bool handOver) {
  std::string s = "x";
  if (handOver)
    sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{help: copy 's' instead}}
  handOver = !handOver;
  if (!handOver)
    print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
