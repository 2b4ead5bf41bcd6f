// A defaulted (or implicit) move constructor moves every field
// memberwise: the 'std::string' field is moved, but the trivially copyable
// 'id' is copied and keeps its value, so reading 'j.id' after the move is
// well defined (the twin: defaulted-move-string-field-read.cpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>

struct Job {
  Job() = default;
  Job(Job &&) = default;
  std::string name;
  int id = 0;
};

void run(Job);

int idAfterMove(Job j) {
  run(std::move(j));
  return j.id;
}
