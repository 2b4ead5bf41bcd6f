// C++17 evaluates the right operand of '=' before the left one: the move in
// consume(std::move(a)) has happened when the index a.get() is computed.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <utility>
struct A { A(); A(A &&); int get() const; };
int consume(A);

void indexAfterMove(int *v) {
  A a;
  v[a.get()] = consume(std::move(a)); // expected-warning {{'a' used after it was moved [fearless-use-after-move]}} expected-note {{'a' of type 'A' was moved here}} expected-note {{help: move 'a'}}
}
