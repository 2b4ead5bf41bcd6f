// A fearless::scoped_spawn parameter finishes before the call returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/annotations.h>

template <class F> void parallelFor(int n, FEARLESS_SCOPED_SPAWN F &&body) {}
void use(int &, int);

void scoped() {
  int shared = 0;
  parallelFor(8, [&](int i) { use(shared, i); });
}
