// Reinitialized after the move: assignment, clear, assign, reset, emplace,
// swap, [[clang::reinitializes]], an out-parameter, a fresh declaration.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

void sink(std::string);
void sinkVec(std::vector<int>);
void print(const std::string &);
void fill(std::string &out);

struct Reusable {
  [[clang::reinitializes]] void restart();
  void use() const;
};
void sinkR(Reusable);

void reinit() {
  std::string a = "x";
  sink(std::move(a));
  a = "again";
  print(a);

  std::vector<int> v;
  sinkVec(std::move(v));
  v.clear();
  v.push_back(1);

  std::string b;
  sink(std::move(b));
  fill(b);
  print(b);

  std::string c, d;
  sink(std::move(c));
  std::swap(c, d);
  print(c);

  Reusable r;
  sinkR(std::move(r));
  r.restart();
  r.use();

  for (int i = 0; i < 3; ++i) {
    std::string fresh = "x";
    sink(std::move(fresh));
  }
}

int movedOnReturningPath(bool cond) {
  std::string s = "x";
  if (cond) {
    sink(std::move(s));
    return 0;
  }
  print(s);
  return 1;
}

void movedInOtherBranch(bool cond) {
  std::string s = "x";
  if (cond)
    sink(std::move(s));
  else
    print(s);
}

unsigned long unevaluated() {
  std::string s = "x";
  sink(std::move(s));
  return sizeof(s);
}
