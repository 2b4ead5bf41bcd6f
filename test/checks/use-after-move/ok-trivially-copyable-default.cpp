// The twin of trivially-copyable-moved.cpp: by default a std::move of a
// trivially copyable object is a copy, the source keeps its value, and
// reading it is no bug (precision first; clang-tidy reports it). Scalars are
// never moves, with or without TriviallyCopyableMoves.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-TriviallyCopyableMoves=true -DSCALARS_ONLY
// expected-no-diagnostics
#include <utility>
struct Point { int x, y; };
void take(Point);
void takeInt(int);

#ifndef SCALARS_ONLY
int aggregate() {
  Point p{1, 2};
  take(std::move(p));
  return p.x; // p was copied: still {1, 2}
}
#endif

int scalar() {
  int n = 3;
  takeInt(std::move(n));
  return n; // an int is copied
}
