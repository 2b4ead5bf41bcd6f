// The twin of ok-move-constructor-leaves-field.cpp: the visible move
// constructor writes 'o.buffer' (the source gives it up), so reading
// 'b.buffer' after the move reads what the move left there, null.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <utility>

struct Buffer {
  explicit Buffer(int n) : buffer(new char[n]()), capacity(n) {}
  Buffer(Buffer &&o) noexcept : buffer(o.buffer), capacity(o.capacity) {
    o.buffer = nullptr;
  }
  ~Buffer() { delete[] buffer; }
  char *buffer;
  int capacity;
};

void keep(Buffer);

int firstAfterMove(Buffer b) {
  keep(std::move(b)); // expected-note {{'b' of type 'Buffer' was moved here}} expected-note {{help: move 'b'}}
  return b.buffer[0]; // expected-warning {{'b' used after it was moved}}
}

#ifdef FEARLESS_RUN
void keep(Buffer) {}
int main() { return firstAfterMove(Buffer(4)); }
#endif
