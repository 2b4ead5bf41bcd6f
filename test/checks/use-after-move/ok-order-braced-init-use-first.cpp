// The twin of order-braced-init.cpp: the use is the earlier clause.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct A { A(); A(A &&); int get() const; };
struct Aggregate { int i; A a; };
struct WithCtor { WithCtor(int, A); };

void aggregate() {
  A a;
  Aggregate s{a.get(), std::move(a)};
}

void constructor() {
  A a;
  WithCtor s{a.get(), std::move(a)};
}
