// A defaulted move constructor moves every field memberwise: the
// trivially copyable 'id' is copied and keeps its value, but the
// 'std::string' field is moved, so reading 'j.name' after the move reads a
// moved-from string (valid but unspecified).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <string>
#include <utility>

struct Job {
  Job() = default;
  Job(Job &&) = default;
  std::string name;
  int id = 0;
};

void run(Job);

unsigned long nameAfterMove(Job j) {
  run(std::move(j)); // expected-note {{'j' of type 'Job' was moved here}} expected-note {{help: move 'j'}}
  return j.name.size(); // expected-warning {{'j' used after it was moved}}
}
