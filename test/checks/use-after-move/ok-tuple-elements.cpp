// Regression (real code, docs/real-world.md): FP: std::get<I>(std::forward<Tuple>(t))... moves each element once
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <string>
#include <tuple>
#include <utility>
struct Pair { Pair(std::string, std::string); };
template <class T, class Tuple, std::size_t... I>
T make(Tuple &&t, std::index_sequence<I...>) {
  return T(std::get<I>(std::forward<Tuple>(t))...); // each get<I> moves a different element
}
Pair f(std::tuple<std::string, std::string> t) {
  return make<Pair>(std::move(t), std::index_sequence_for<std::string, std::string>{});
}
