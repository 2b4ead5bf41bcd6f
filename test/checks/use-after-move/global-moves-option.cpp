// With GlobalAndStaticMoves=true, globals and static members moved and then
// used in the same function are reported (the Static Analyzer's
// cplusplus.Move with WarnOn=All; clang-tidy ignores them).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-GlobalAndStaticMoves=true
#include <string>
#include <utility>
void sink(std::string);
std::string pending;

struct Registry {
  static std::string last;
  std::size_t flush() {
    sink(std::move(last)); // expected-note {{'last' of type 'std::string' was moved here}} expected-note {{help: copy 'last' instead}}
    return last.size(); // expected-warning {{'last' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
  }
};

std::size_t drain() {
  sink(std::move(pending)); // expected-note {{'pending' of type 'std::string' was moved here}} expected-note {{help: copy 'pending' instead}}
  return pending.size(); // expected-warning {{'pending' used after it was moved}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
