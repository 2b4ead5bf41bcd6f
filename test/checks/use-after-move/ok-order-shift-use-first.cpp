// The twin of order-shift-left-to-right.cpp: the use comes first, left to
// right, then the move.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct A { A(); A(A &&); A(const A &); };
struct Out { Out &operator<<(A); };

void stream(Out &o) {
  A a;
  o << a << std::move(a); // a is copied out before it is moved
}
