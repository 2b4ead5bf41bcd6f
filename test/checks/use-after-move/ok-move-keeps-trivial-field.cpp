// The move constructor the move selects is visible (here it calls the move
// assignment): it copies the trivially copyable 'data' (a "move" of it is a
// copy) and moves only 'allocation'. 'c.data' keeps its value, and reading
// it after the move reads that value: well defined, nothing to report
// (rocksdb block.cc:1013, Block(BlockContents&&)).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
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

class Block {
public:
  explicit Block(Contents &&c) : contents_(std::move(c)) {
    p_ = c.data.data_;
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
