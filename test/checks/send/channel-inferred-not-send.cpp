// A hand-written blocking queue (no annotation) used as a channel: send()
// puts its argument into a member queue under the mutex that receive()
// takes it out under, so the value goes to the consumer thread. Rc counts
// its copies with a plain integer: the producer's copy and the consumer's
// copy update the same count at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <channels/blocking-queue.h>
#include <fearless/refcounted.h>
#include <thread>

struct Frame {
  int pixels = 0;
};

void produce(BlockingQueue<Rc<Frame>> &q, const Rc<Frame> &frame) {
  for (int i = 0; i < 100; ++i)
    q.send(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Rc<Frame>' is not Send}}
}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}
// expected-note@fearless/refcounted.h:16 {{'Rc<Frame>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}

#ifdef FEARLESS_RUN
int main() {
  BlockingQueue<Rc<Frame>> q;
  std::thread consumer([&] {
    for (int i = 0; i < 100; ++i)
      q.receive(); // the copy is dropped here, on the consumer thread
  });
  Rc<Frame> frame;
  produce(q, frame);
  consumer.join();
}
#endif
