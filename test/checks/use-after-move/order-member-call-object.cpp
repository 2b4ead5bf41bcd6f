// a.f(consume(std::move(a))): C++17 names the object before the arguments,
// but f runs on it after they are evaluated, on a moved-from object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <utility>
struct A { A(); A(A &&); void bar(int) const; };
int consume(A);

void callOnMoved() {
  A a;
  a.bar(consume(std::move(a))); // expected-warning {{'a' used after it was moved [fearless-use-after-move]}} expected-note {{'a' of type 'A' was moved here}} expected-note {{help: move 'a'}}
}
