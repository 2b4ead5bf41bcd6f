// The twin of template-uninstantiated.cpp: a variable whose type depends on
// the template parameters is only analysed in an instantiation (there is
// none here: T may be a type whose moved-from state is defined).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
template <class T> void sink(T);

template <class T> int dependent(T t) {
  sink(std::move(t));
  return t.size();
}
