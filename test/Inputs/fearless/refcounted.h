// Two reference-counted handles for the Send/Sync tests: Rc counts with a
// plain integer (Rust's Rc), Arc with an atomic one (Rust's Arc).
#pragma once
#include <atomic>
#include <utility>

template <class T> class Rc {
  struct Block {
    T value;
    long count = 1;
  };
  Block *block_;

public:
  Rc() : block_(new Block) {}
  Rc(const Rc &other) : block_(other.block_) { ++block_->count; }
  ~Rc() {
    if (--block_->count == 0)
      delete block_;
  }
  T &operator*() const { return block_->value; }
  T *operator->() const { return &block_->value; }
};

template <class T> class Arc {
  struct Block {
    T value;
    std::atomic<long> count{1};
  };
  Block *block_;

public:
  Arc() : block_(new Block) {}
  Arc(const Arc &other) : block_(other.block_) { block_->count.fetch_add(1); }
  ~Arc() {
    if (block_->count.fetch_sub(1) == 1)
      delete block_;
  }
  T &operator*() const { return block_->value; }
  T *operator->() const { return &block_->value; }
};
