// The twin of ok-aggregate-field-written.cpp: a class with a constructor
// keeps state the code cannot see being reset, so writing one of its public
// fields after a move is a use of the moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>
struct Message {
  explicit Message(std::string b);
  Message(Message &&);
  std::string body;
  int id;
};
void send(Message);
void print(const std::string &);

void refill(Message m) {
  send(std::move(m)); // expected-note {{'m' of type 'Message' was moved here}} expected-note {{help: move 'm'}}
  m.body = "next"; // expected-warning {{'m' used after it was moved}}
  print(m.body);
}
