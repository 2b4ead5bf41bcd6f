// A user-provided move constructor that steals only 'buffer' (and nulls
// it in the source) never names 'capacity' or 'name': the source keeps
// them, and reading them after the move reads those values.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <utility>

struct Buffer {
  explicit Buffer(int n) : buffer(new char[n]), capacity(n) {}
  Buffer(Buffer &&o) noexcept : buffer(o.buffer), capacity(o.capacity) {
    o.buffer = nullptr;
  }
  ~Buffer() { delete[] buffer; }
  char *buffer;
  int capacity;
  const char *name = "buffer";
};

void keep(Buffer);

int capacityAfterMove(Buffer b) {
  keep(std::move(b));
  return b.capacity + (b.name[0] == 'b');
}
