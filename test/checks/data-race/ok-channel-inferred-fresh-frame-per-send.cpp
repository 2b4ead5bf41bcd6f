// A fresh std::shared_ptr per send through an unannotated blocking queue:
// the producer writes each Frame before sending it and never after, so the
// consumer is the only thread touching a Frame once it is sent. A
// shared_ptr<const Frame> can only be read on both sides.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <memory>

struct Frame {
  int pixels = 0;
};
int render(const Frame &);

void produce(BlockingQueue<std::shared_ptr<Frame>> &q) {
  for (int i = 0; i < 10; ++i) {
    auto frame = std::make_shared<Frame>();
    frame->pixels = i;
    q.send(frame);
  }
}

void produce_const(BlockingQueue<std::shared_ptr<const Frame>> &q,
                   const std::shared_ptr<const Frame> &frame) {
  q.send(frame);
  render(*frame);
}
