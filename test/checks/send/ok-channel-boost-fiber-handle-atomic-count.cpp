// The correct twin of channel-boost-fiber-handle-not-send.cpp: the handle
// counts with a std::atomic, so copies made on two threads at once do not
// race, and pushing it into a Boost.Fiber channel is fine.
// REQUIRES: boost-fiber
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_fiber -lboost_context
// expected-no-diagnostics
#include <atomic>
#include <boost/fiber/buffered_channel.hpp>
#include <utility>

template <class T> class Handle {
  struct Block {
    T value{};
    std::atomic<long> count{1};
  };
  Block *block_;
  void drop() {
    if (block_->count.fetch_sub(1) == 1)
      delete block_;
  }

public:
  Handle() : block_(new Block) {}
  Handle(const Handle &other) : block_(other.block_) { block_->count.fetch_add(1); }
  Handle &operator=(const Handle &other) {
    other.block_->count.fetch_add(1);
    drop();
    block_ = other.block_;
    return *this;
  }
  ~Handle() { drop(); }
  const T *operator->() const { return &block_->value; }
};

struct Frame {
  int pixels = 0;
};
using Channel = boost::fibers::buffered_channel<Handle<Frame>>;

void produce(Channel &c, const Handle<Frame> &frame) { c.push(frame); }

void produce_moved(Channel &c, Handle<Frame> frame) {
  c.try_push(std::move(frame));
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
// Boost.Fiber's own spin locks are in the uninstrumented libboost_fiber:
// ThreadSanitizer sees the channel's internals race, which they do not.
extern "C" const char *__tsan_default_suppressions() {
  return "race:^boost::fibers::\nrace:^boost::intrusive::\n";
}
int main() {
  Channel c(128);
  std::thread consumer([&] {
    Handle<Frame> f;
    for (int i = 0; i < 100;)
      if (c.try_pop(f) == boost::fibers::channel_op_status::success) {
        Handle<Frame> seen;
        seen = f; // counts outside the channel's lock
        std::printf("%d\n", seen->pixels);
        ++i;
      }
  });
  Handle<Frame> kept;
  for (int i = 0; i < 100; ++i) {
    produce(c, kept);
    // The producer's own copies count outside the channel's lock too.
    Handle<Frame> mine;
    for (int j = 0; j < 100; ++j)
      mine = kept;
    std::this_thread::sleep_for(std::chrono::microseconds(10));
  }
  consumer.join();
}
#endif
