// Regression (real code, docs/real-world.md): std::move(other) initializes a reference member of an aggregate: nothing is moved before run() runs
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
template <class T> struct Init {
  std::string *self;
  T &&right;
};
int indexOf(const std::string &);
template <class Visitor> void run(Visitor &&, int);
void assign(std::string &self, std::string &&other) {
  run(Init<std::string>{&self, std::move(other)}, indexOf(other));
}
