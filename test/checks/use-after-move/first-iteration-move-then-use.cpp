// The twin of ok-first-iteration-move.cpp: the first iteration moves, the
// later ones read the moved-from string.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
#include <vector>

void seedThenRead(std::vector<std::string> &out) {
  std::string init = "seed";
  for (int w = 0; w < 3; ++w) {
    std::string cur = w ? init : std::move(init); // expected-warning {{'init' used after it was moved}} expected-note {{'init' of type 'std::string' (aka 'basic_string<char>') was moved here in a previous iteration of the loop}} expected-note {{copy 'init' instead of moving it}} expected-note {{a moved-from 'std::string' (aka 'basic_string<char>') is in a valid but unspecified state}}
    out.push_back(cur);
  }
}
