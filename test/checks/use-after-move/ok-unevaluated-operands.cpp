// An unevaluated operand moves nothing: std::move inside noexcept(...),
// sizeof, alignof, decltype, a non-polymorphic typeid or a requires
// expression is not a move, so what follows is no use after one (issue 13:
// found in a lock-free queue's noexcept specifications).
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <typeinfo>
#include <utility>

void unevaluated() {
  std::string s = "payload";
  bool Nothrow = noexcept(std::string(std::move(s)));
  auto Size = sizeof(std::move(s));
  using Moved = decltype(std::move(s));
  const std::type_info &Info = typeid(std::move(s));
  bool Movable = requires { std::string(std::move(s)); };
  s.append("!"); // s was never moved
  (void)Nothrow, (void)Size, (void)Info, (void)Movable;
  Moved Ref = std::move(s);
  (void)Ref;
}
