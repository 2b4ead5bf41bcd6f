// A std::shared_ptr<Frame> sent through an unannotated blocking queue
// shares the Frame with the consumer thread; the producer keeps writing it
// after the send while the consumer may be reading it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <channels/blocking-queue.h>
#include <memory>

struct Frame {
  int pixels = 0;
};

void produce(BlockingQueue<std::shared_ptr<Frame>> &q,
             std::shared_ptr<Frame> frame) {
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
  std::thread consumer([&] { std::printf("%d\n", q.receive()->pixels); });
  produce(q, std::make_shared<Frame>());
  consumer.join();
}
#endif
