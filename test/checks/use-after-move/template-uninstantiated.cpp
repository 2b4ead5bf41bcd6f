// An uninstantiated function template (or a member of an uninstantiated
// class template) is analysed as written, for its own variables whose type
// does not depend on the template parameters (as clang-tidy does).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
void sink(std::string);

template <class T> std::size_t functionTemplate(T) {
  std::string s = "x";
  sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{help: copy 's' instead}}
  return s.size(); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}

template <class T> struct Holder {
  std::size_t member() {
    std::string s = "x";
    sink(std::move(s)); // expected-note {{'s' of type 'std::string' was moved here}} expected-note {{help: copy 's' instead}}
    return s.size(); // expected-warning {{'s' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  }
};
