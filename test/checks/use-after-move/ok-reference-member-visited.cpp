// Regression (abseil variant.h, docs/real-world.md): std::forward(other)
// binds a reference member of a visitor; the callee moves only an
// alternative of 'other' through it, so reading 'other' afterwards is fine.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Var {
  std::string text;
  int which = 0;
  int index() const { return which; }
};
template <class T> struct InitFrom {
  Var *self;
  T &&right;
  void operator()() const { self->text = std::move(right.text); }
};
template <class Visitor> void run(Visitor v, int) { v(); }
template <class V> void initFrom(V &self, V &&other) {
  run(InitFrom<V>{&self, std::forward<V>(other)}, other.index());
  self.which = other.index();
}
template void initFrom<Var>(Var &, Var &&);
