// The twin of ok-move-keeps-trivial-field.cpp: the same visible move
// constructor moves 'allocation', so reading 'c.allocation' after the move
// reads the moved-from (null) pointer, and dereferencing it crashes.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
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

class Block {
public:
  explicit Block(Contents &&c) : contents_(std::move(c)) { // expected-note {{'c' of type 'Contents' was moved here}} expected-note {{help: move 'c'}}
    p_ = c.allocation.get(); // expected-warning {{'c' used after it was moved}}
    n_ = c.data.size_;
  }
  char first() const { return n_ ? p_[0] : 0; }

private:
  Contents contents_;
  const char *p_;
  unsigned long n_;
};

#ifdef FEARLESS_RUN
int main() {
  Contents c;
  c.allocation.reset(new char('x'));
  c.data.data_ = c.allocation.get();
  c.data.size_ = 1;
  Block b(std::move(c));
  return b.first() == 'x' ? 0 : 1;
}
#endif
