// The twin of first-use-each-path.cpp: every path uses the variable before
// the move, and the move is its last use.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
void sink(std::string);
void print(const std::string &);
void log(const std::string &);

void bothBranches(bool c) {
  std::string s = "x";
  if (c)
    print(s);
  else
    log(s);
  sink(std::move(s)); // the last use on every path
}
