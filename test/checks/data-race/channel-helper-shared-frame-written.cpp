// A helper that passes its std::shared_ptr parameter on to an unannotated
// blocking queue's send() is a send too: the producer writes the Frame
// after handing it to the helper, while the consumer thread reads it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <channels/blocking-queue.h>
#include <memory>

struct Frame {
  int pixels = 0;
};

class Renderer {
public:
  void submit(std::shared_ptr<Frame> f) { frames_.send(f); } // expected-note {{'submit' passes 'f' on to 'send' here, which hands it to another thread}}
  std::shared_ptr<Frame> next() { return frames_.receive(); }

private:
  BlockingQueue<std::shared_ptr<Frame>> frames_;
};

void produce(Renderer &r) {
  auto frame = std::make_shared<Frame>();
  r.submit(frame); // expected-note {{'submit' hands it to another thread here, which may read it from then on}}
  frame->pixels = 1; // expected-warning {{data race on 'frame->pixels': this write can run at the same time as a read in another thread}} expected-note {{help: make 'frame->pixels' a std::atomic<int>}}
}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  Renderer r;
  std::thread consumer([&] {
    for (int i = 0; i < 100; ++i)
      std::printf("%d\n", r.next()->pixels);
  });
  for (int i = 0; i < 100; ++i)
    produce(r);
  consumer.join();
}
#endif
