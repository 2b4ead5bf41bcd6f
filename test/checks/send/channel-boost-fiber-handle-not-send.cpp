// A non-atomically counted handle pushed into a Boost.Fiber channel whose
// other end is popped on another std::thread. The channel stores and takes
// out its elements by assignment, so nothing in this translation unit
// copy-constructs a Handle<Frame>: the handle's type is judged at the push
// from its class template's copy constructor, which bumps the shared count
// without synchronization (Models/Channels.def).
// REQUIRES: boost-fiber
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_fiber -lboost_context
#include <boost/fiber/buffered_channel.hpp>
#include <utility>

template <class T> class Handle {
  struct Block {
    T value{};
    long count = 1;
  };
  Block *block_;
  void drop() {
    if (--block_->count == 0)
      delete block_;
  }

public:
  Handle() : block_(new Block) {}
  Handle(const Handle &other) : block_(other.block_) { ++block_->count; } // expected-note 2 {{'Handle<Frame>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}
  Handle &operator=(const Handle &other) {
    ++other.block_->count;
    drop();
    block_ = other.block_;
    return *this;
  }
  ~Handle() { drop(); }
  T *operator->() const { return &block_->value; }
};

struct Frame {
  int pixels = 0;
};
using Channel = boost::fibers::buffered_channel<Handle<Frame>>;

void produce(Channel &c, const Handle<Frame> &frame) {
  c.push(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Handle<Frame>' is not Send}} expected-note {{'push' of 'buffered_channel' hands its argument to the thread that takes it out}}
}

void produce_moved(Channel &c, Handle<Frame> frame) {
  c.try_push(std::move(frame)); // expected-warning {{'frame' is sent to another thread, but its type 'Handle<Frame>' is not Send}} expected-note {{'try_push' of 'buffered_channel' hands its argument to the thread that takes it out}}
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
