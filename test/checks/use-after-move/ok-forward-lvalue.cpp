// Regression (real code, docs/real-world.md): FP: std::forward<P&>(x) is an lvalue, nothing is moved
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
struct Pred { bool operator()() const; };
template <class P> bool call(P &&p) { return p(); }
template <class P> void waitUntil(P &&pred) {
  while (!call(std::forward<P>(pred))) {} // P = Pred&: forward yields an lvalue
}
void f(Pred &p) { waitUntil(p); }
