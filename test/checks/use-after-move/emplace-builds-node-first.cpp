// libstdc++ 12's unordered_map::emplace builds the node (moving the value
// into it) before it looks for the key: the value is gone even when nothing
// is inserted, so testing the result does not make the use safe (confirmed
// by running it: v.size() is 0 afterwards). clang-tidy reports it too.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <string>
#include <unordered_map>
#include <utility>

void print(const std::string &);

void keepFirst(std::unordered_map<int, std::string> &m, int k, std::string v) {
  if (!m.emplace(k, std::move(v)).second) // expected-note {{'v' of type 'std::string' (aka 'basic_string<char>') was moved here}} expected-note {{help: move 'v' only after its last use}}
    print(v); // expected-warning {{'v' used after it was moved}} expected-note {{a moved-from 'std::string' (aka 'basic_string<char>') is in a valid but unspecified state}}
}
