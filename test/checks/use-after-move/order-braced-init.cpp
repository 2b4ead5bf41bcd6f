// A braced initializer runs its clauses left to right, also when it calls a
// constructor: the second clause reads the moved-from object (sequenced, so
// not reported as unsequenced).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <utility>
struct A { A(); A(A &&); int get() const; };
struct Aggregate { A a; int i; };
struct WithCtor { WithCtor(A, int); };

void aggregate() {
  A a;
  Aggregate s{std::move(a), a.get()}; // expected-warning {{'a' used after it was moved [fearless-use-after-move]}} expected-note {{'a' of type 'A' was moved here}} expected-note {{help: move 'a'}}
}

void constructor() {
  A a;
  WithCtor s{std::move(a), a.get()}; // expected-warning {{'a' used after it was moved [fearless-use-after-move]}} expected-note {{'a' of type 'A' was moved here}} expected-note {{help: move 'a'}}
}
