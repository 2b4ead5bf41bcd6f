// A fresh std::shared_ptr per send that the producer stops touching once it
// is sent: moved into the queue, written only before the send, or a
// shared_ptr<const Frame> that both sides can only read. The consumer is the
// only thread that touches a Frame after its send.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <memory>

struct Frame {
  int pixels = 0;
};
int render(const Frame &);

void moved(BlockingQueue<std::shared_ptr<Frame>> &q) {
  auto frame = std::make_shared<Frame>();
  frame->pixels = 1;
  q.send(std::move(frame));
}

void written_before(BlockingQueue<std::shared_ptr<Frame>> &q) {
  auto frame = std::make_shared<Frame>();
  frame->pixels = 2;
  q.send(frame);
}

void read_only(BlockingQueue<std::shared_ptr<const Frame>> &q) {
  auto frame = std::make_shared<const Frame>();
  q.send(frame);
  render(*frame);
}

void fresh_per_send(BlockingQueue<std::shared_ptr<Frame>> &q) {
  for (int i = 0; i < 3; ++i) {
    auto frame = std::make_shared<Frame>();
    frame->pixels = i;
    q.send(frame);
  }
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int render(const Frame &f) { return f.pixels; }
int main() {
  BlockingQueue<std::shared_ptr<Frame>> q;
  BlockingQueue<std::shared_ptr<const Frame>> c;
  std::thread consumer([&] {
    for (int i = 0; i < 5 * 50; ++i)
      std::printf("%d\n", q.receive()->pixels);
  });
  std::thread reader([&] {
    for (int i = 0; i < 50; ++i)
      std::printf("%d\n", c.receive()->pixels);
  });
  for (int i = 0; i < 50; ++i) {
    moved(q);
    written_before(q);
    read_only(c);
    fresh_per_send(q);
  }
  consumer.join();
  reader.join();
}
#endif
