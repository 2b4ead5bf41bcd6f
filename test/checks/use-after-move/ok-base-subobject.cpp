// Regression (real code, docs/real-world.md): FP: a move constructor moves the base subobject, then uses the derived part
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <utility>
struct Base { std::string name; };
struct Derived : Base {
  std::string extra;
  Derived(Derived &&other)
      : Base(static_cast<Base &&>(other)), extra(other.extra) {} // only the Base part was moved
};
