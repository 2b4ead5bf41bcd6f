// A value moved into an unannotated blocking queue's send() belongs to the
// consumer thread: the producer reading it afterwards reads a moved-from
// std::unique_ptr (null).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <channels/blocking-queue.h>
#include <memory>
#include <utility>

struct Frame {
  int pixels = 0;
};
void log(int);

void produce(BlockingQueue<std::unique_ptr<Frame>> &q) {
  auto frame = std::make_unique<Frame>();
  q.send(std::move(frame)); // expected-note {{'frame' of type 'unique_ptr<Frame>' was moved here into 'send', which sends it to another thread}} expected-note {{help: move 'frame' only after its last use, or assign it a new value before using it again}}
  log(frame->pixels); // expected-warning {{'frame' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Frame>' is null: dereferencing it is undefined behaviour}}
}

#ifdef FEARLESS_RUN
#include <thread>
void log(int) {}
int main() {
  BlockingQueue<std::unique_ptr<Frame>> q;
  std::thread consumer([&] { q.receive(); });
  produce(q);
  consumer.join();
}
#endif
