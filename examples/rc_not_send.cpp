// Rust Book 16-14 in C++: a reference-counted handle whose count is a plain
// integer (Rust's Rc) cannot be sent to other threads: copies update the
// shared count without synchronization.
#include <mutex>
#include <thread>
#include <vector>

template <class T> class Rc {
  struct Block {
    T value;
    long count = 1;
  };
  Block *block_ = new Block;

public:
  Rc() = default;
  Rc(const Rc &other) : block_(other.block_) { ++block_->count; }
  ~Rc() {
    if (--block_->count == 0)
      delete block_;
  }
  T *operator->() const { return &block_->value; }
};

struct Counter {
  std::mutex m;
  int value = 0;
};

int main() {
  Rc<Counter> counter;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    Rc<Counter> c = counter;
    handles.emplace_back([c] {
      std::lock_guard<std::mutex> lock(c->m);
      c->value += 1;
    });
  }
  for (auto &h : handles)
    h.join();
}
