// A std::shared_ptr<Frame> pushed into a Boost.Fiber channel whose other
// end is popped on another std::thread: the producer writes the Frame after
// the push while the consumer may be reading it (Models/Channels.def).
// REQUIRES: boost-fiber
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_fiber -lboost_context
#include <boost/fiber/buffered_channel.hpp>
#include <memory>

struct Frame {
  int pixels = 0;
};
using Channel = boost::fibers::buffered_channel<std::shared_ptr<Frame>>;

void produce(Channel &c) {
  auto frame = std::make_shared<Frame>();
  c.push(frame); // expected-note {{'push' hands it to another thread here, which may read it from then on}} expected-note {{'push' of 'buffered_channel' hands its argument to the thread that takes it out}}
  frame->pixels = 1; // expected-warning {{data race on 'frame->pixels': this write can run at the same time as a read in another thread}} expected-note {{help: make 'frame->pixels' a std::atomic<int>}}
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
    std::shared_ptr<Frame> f;
    // Spins on try_pop, so it takes each Frame as soon as it is pushed.
    for (int i = 0; i < 100;)
      if (c.try_pop(f) == boost::fibers::channel_op_status::success) {
        std::printf("%d\n", f->pixels);
        ++i;
      }
  });
  for (int i = 0; i < 100; ++i) {
    produce(c);
    std::this_thread::sleep_for(std::chrono::microseconds(100));
  }
  consumer.join();
}
#endif
