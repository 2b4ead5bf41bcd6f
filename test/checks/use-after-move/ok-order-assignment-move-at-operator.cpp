// The twin of order-assignment-right-first.cpp: moving into the assignment
// operator itself happens when it runs, after both operands (clang-tidy
// agrees).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct A { A(); A(A &&); A &operator=(A &&); int get() const; };

void indexBeforeMove(A *vec) {
  A a;
  vec[a.get()] = std::move(a); // a.get() is evaluated before operator= moves
}
