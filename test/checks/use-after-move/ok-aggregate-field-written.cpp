// Writing a field of a moved-from aggregate gives it a value again: its
// fields are all there is to it (the Static Analyzer's cplusplus.Move is
// silent too; clang-tidy reports the write).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Message { std::string body; int id; };
void send(Message);
void print(const std::string &);

void refill(Message m) {
  send(std::move(m));
  m.body = "next"; // the moved part is given a new value
  print(m.body);
}
