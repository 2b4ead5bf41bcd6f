// The first use after the move on each path is reported, once per move and
// use: not a later use on the same path, not the destructor at the end of
// the scope, and not a second move that an earlier use precedes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
void sink(std::string);
void print(const std::string &);
void log(const std::string &);

void bothBranches(bool c) {
  std::string s = "x";
  sink(std::move(s)); // expected-note 2 {{'s' of type 'std::string' was moved here}} expected-note 2 {{help: copy 's' instead}}
  if (c)
    print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  else
    log(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  print(s); // a later use on both paths
}

void useThenMoveAgain() {
  std::string s = "x";
  sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{help: copy 's' instead}}
  print(s); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  sink(std::move(s)); // the use above is the report, not this second move
}
