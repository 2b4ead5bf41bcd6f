// FIXME(false-negative): the visible move keeps 'data', a view into the
// bytes 'allocation' owns, and moves 'allocation' into a temporary that
// frees them at the end of the call. Reading 'c.data.size_' is well
// defined, but 'c.data.data_[0]' reads freed memory: a lifetime bug, not a
// read of a moved-from value, and the field-level rule does not see it
// (docs/checks/use-after-move.md, "a field the visible move leaves
// intact"). Rust rejects any use of 'c'.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <memory>
#include <utility>

struct Slice {
  const char *data_ = nullptr;
  unsigned long size_ = 0;
};

struct Contents {
  Slice data;
  std::unique_ptr<char> allocation;
  Contents() = default;
  Contents(Contents &&o) noexcept { *this = std::move(o); }
  Contents &operator=(Contents &&o) {
    data = std::move(o.data);
    allocation = std::move(o.allocation);
    return *this;
  }
};

void consume(Contents);

char firstAfterConsume(Contents c) {
  consume(std::move(c));
  return c.data.data_[0];
}
