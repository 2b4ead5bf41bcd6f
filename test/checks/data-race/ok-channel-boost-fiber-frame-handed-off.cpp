// The correct twin of channel-boost-fiber-frame-written.cpp: each Frame is
// written before it is pushed and never after (moved into the channel, or a
// shared_ptr<const Frame> that only reads), so from the push on only the
// consumer thread touches it.
// REQUIRES: boost-fiber
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_fiber -lboost_context
// expected-no-diagnostics
#include <boost/fiber/buffered_channel.hpp>
#include <memory>
#include <utility>

struct Frame {
  int pixels = 0;
};
using Channel = boost::fibers::buffered_channel<std::shared_ptr<Frame>>;
using ConstChannel = boost::fibers::buffered_channel<std::shared_ptr<const Frame>>;
int render(const Frame &);

void produce(Channel &c, int i) {
  auto frame = std::make_shared<Frame>();
  frame->pixels = i;
  c.push(std::move(frame));
}

void produce_const(ConstChannel &c) {
  auto frame = std::make_shared<const Frame>();
  c.push(frame);
  render(*frame);
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
// Boost.Fiber's own spin locks are in the uninstrumented libboost_fiber:
// ThreadSanitizer sees the channel's internals race, which they do not.
extern "C" const char *__tsan_default_suppressions() {
  return "race:^boost::fibers::\nrace:^boost::intrusive::\n";
}
int render(const Frame &f) { return f.pixels; }
int main() {
  Channel c(128);
  ConstChannel k(128);
  std::thread consumer([&] {
    std::shared_ptr<Frame> f;
    std::shared_ptr<const Frame> g;
    for (int i = 0; i < 100; ++i) {
      if (c.pop(f) == boost::fibers::channel_op_status::success)
        std::printf("%d\n", f->pixels);
      if (k.pop(g) == boost::fibers::channel_op_status::success)
        std::printf("%d\n", render(*g));
    }
  });
  for (int i = 0; i < 100; ++i) {
    produce(c, i);
    produce_const(k);
  }
  consumer.join();
}
#endif
