// Regression (real code, docs/real-world.md): FP: moving an int or a pointer copies it
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>
void take(int &&);
int f() {
  int i = 1;
  take(static_cast<int &&>(i)); // moving an int copies it
  return i;
}
