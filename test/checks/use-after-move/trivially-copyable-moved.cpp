// With TriviallyCopyableMoves=true, a std::move of a trivially copyable class
// object (an aggregate of ints, an empty class, a handle named like a std
// type) states that the object is no longer needed, and a use after it is
// reported like any other (clang-tidy does so by default); the note says the
// move was a copy.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-TriviallyCopyableMoves=true
#include <utility>
struct Point { int x, y; };
struct string_view { const char *p; unsigned long n; };
void take(Point);
void take(string_view);

int aggregate() {
  Point p{1, 2};
  take(std::move(p)); // expected-note {{'p' of type 'Point' was moved here; the type is trivially copyable, so the move copied it}} expected-note {{help: copy 'p' instead}}
  return p.x; // expected-warning {{'p' used after it was moved}}
}

unsigned long stdLookalike(string_view s) {
  take(std::move(s)); // expected-note {{'s' of type 'string_view' was moved here; the type is trivially copyable}} expected-note {{help: copy 's' instead}}
  return s.n; // expected-warning {{'s' used after it was moved}}
}
