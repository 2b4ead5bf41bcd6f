// The twin of order-member-call-object.cpp: calling on another object, and
// the common `a = f(std::move(a))` whose assignment reinitializes a.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct A { A(); A(A &&); A &operator=(A &&); void bar(int) const; };
int consume(A);
A mutate(A);

void otherObject(const A &b) {
  A a;
  b.bar(consume(std::move(a)));
}

void reassigned() {
  A a;
  a = mutate(std::move(a));
  a.bar(0);
}
