// The twin of order-reinit-unsequenced.cpp: a reinitialization sequenced
// after the move (a later statement, or the whole call) makes a usable
// object again.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct A { A(); A(const A &); A(A &&); A &operator=(A &&); int get() const; };
void two(A, int);

void reinitAfterMove() {
  A a;
  two(std::move(a), 1);
  two(A(), (a = A(), 1));
  a.get();
}
