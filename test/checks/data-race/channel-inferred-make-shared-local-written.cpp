// A fresh std::shared_ptr<Frame> made in the producer, sent through an
// unannotated blocking queue and then written: the consumer thread may be
// reading the Frame while the producer writes it. The local is the
// producer's, but what it points to is shared from the send on.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <channels/blocking-queue.h>
#include <memory>

struct Frame {
  int pixels = 0;
};

void produce(BlockingQueue<std::shared_ptr<Frame>> &q) {
  auto frame = std::make_shared<Frame>();
  q.send(frame); // expected-note {{'send' hands it to another thread here, which may read it from then on}}
  frame->pixels = 1; // expected-warning {{data race on 'frame->pixels': this write can run at the same time as a read in another thread}} expected-note {{help: make 'frame->pixels' a std::atomic<int>}}
}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  BlockingQueue<std::shared_ptr<Frame>> q;
  std::thread consumer([&] {
    for (int i = 0; i < 100; ++i)
      std::printf("%d\n", q.receive()->pixels);
  });
  for (int i = 0; i < 100; ++i)
    produce(q);
  consumer.join();
}
#endif
