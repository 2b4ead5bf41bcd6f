// A reinitialization unsequenced with the move may run before it, and one
// unsequenced with a use may run after it: neither counts (clang-tidy's
// order).
// RUN: %fearless-mock -std=c++17 -Wno-unsequenced -Xclang -verify %s
#include <utility>
struct A { A(); A(const A &); A(A &&); A &operator=(A &&); int get() const; };
void two(A, int);
void two(A, A);

void reinitWithMove() {
  A a;
  two(std::move(a), (a = A(), 1)); // expected-note {{'a' of type 'A' was moved here}} expected-note {{help: copy 'a' instead}}
  a.get(); // expected-warning {{'a' used after it was moved [fearless-use-after-move]}}
}

void reinitWithUse() {
  A a;
  A b = std::move(a); // expected-note {{'a' of type 'A' was moved here}} expected-note {{help: copy 'a' instead}}
  two((a = A()), a.get()); // expected-warning {{'a' used after it was moved [fearless-use-after-move]}}
}
