// The canonical case: a string moved into a container, then read.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
#include <vector>

void print(const std::string &);

void basic() {
  std::string str = "Hello, world!";
  std::vector<std::string> messages;
  messages.push_back(std::move(str)); // expected-note {{'str' of type 'std::string' was moved here}} expected-note {{copy 'str' instead of moving it if it is still needed}}
  print(str); // expected-warning {{'str' used after it was moved [fearless-use-after-move]}} expected-note {{a moved-from 'std::string' is in a valid but unspecified state}}
}
