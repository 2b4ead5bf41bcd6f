// Writing a field of a moved-from aggregate gives it a value again (see
// ok-aggregate-field-written.cpp), also a field the implicit move kept
// ('id', copied): the write still counts as a reinitialization, it is not
// skipped as a read of a kept field.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Message { std::string body; int id; };
void send(Message);
void print(const std::string &);

void refill(Message m) {
  send(std::move(m));
  m.id = 2; // a field of the aggregate written: the whole is given a value
  print(m.body);
}
