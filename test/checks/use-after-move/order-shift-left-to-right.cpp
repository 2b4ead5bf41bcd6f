// C++17 evaluates the operands of '<<' left to right: the later 'a' reads
// the moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <utility>
struct A { A(); A(A &&); A(const A &); };
struct Out { Out &operator<<(A); };

void stream(Out &o) {
  A a;
  o << std::move(a) << a; // expected-warning {{'a' used after it was moved [fearless-use-after-move]}} expected-note {{'a' of type 'A' was moved here}} expected-note {{help: copy 'a' instead}}
}
