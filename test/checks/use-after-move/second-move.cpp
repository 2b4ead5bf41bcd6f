// Moving twice: the second move uses a moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

void sink(std::string);

void twice() {
  std::string s = "x";
  sink(std::move(s)); // expected-note {{'s' was moved here}} expected-note {{copy 's' instead}}
  sink(std::move(s)); // expected-warning {{'s' used after it was moved}}
}

template <class T> void forwardTwice(T &&value) {
  sink(std::forward<T>(value)); // expected-note {{'value' was moved here}}
  sink(std::forward<T>(value)); // expected-warning {{'value' used after it was moved}}
}

void instantiate() { forwardTwice(std::string("y")); } // expected-note {{in instantiation of 'forwardTwice<std::string>' requested here}}
