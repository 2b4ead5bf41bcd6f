// Moving twice: the second move uses a moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void sink(std::string);

void twice() {
  std::string s = "x";
  sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{copy 's' instead}}
  sink(std::move(s)); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}

template <class T> void forwardTwice(T &&value) {
  sink(std::forward<T>(value)); // expected-note {{'value' of type 'std::string' was moved here}} expected-note {{help: move 'value' only after its last use, or assign it a new value before using it again}}
  sink(std::forward<T>(value)); // expected-warning {{'value' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}

void instantiate() { forwardTwice(std::string("y")); } // expected-note {{in instantiation of 'forwardTwice<std::string>' requested here}}
