// A fearless::consumes parameter takes ownership, with or without
// std::move at the call.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <string>
#include <utility>

struct Buffer {
  std::string bytes;
};
void adopt(Buffer &b FEARLESS_CONSUMES); // ownership transfer by reference
void print(const Buffer &);

void consume() {
  Buffer b;
  adopt(b); // expected-note {{'b' of type 'Buffer' was moved here: parameter 'b' of 'adopt' is marked fearless::consumes}} expected-note {{help: move 'b' only after its last use, or assign it a new value before using it again}}
  print(b); // expected-warning {{'b' used after it was moved}}
}
