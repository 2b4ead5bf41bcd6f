// A helper that moves its parameter on into an unannotated blocking queue's
// send() is a send too: the value moved into the helper belongs to the
// consumer thread, and the producer reading it afterwards reads a
// moved-from std::unique_ptr (null).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <channels/blocking-queue.h>
#include <memory>
#include <utility>

struct Frame {
  int pixels = 0;
};
void log(int);

class Renderer {
public:
  void submit(std::unique_ptr<Frame> f) { frames_.send(std::move(f)); }
  std::unique_ptr<Frame> next() { return frames_.receive(); }

private:
  BlockingQueue<std::unique_ptr<Frame>> frames_;
};

void produce(Renderer &r) {
  auto frame = std::make_unique<Frame>();
  r.submit(std::move(frame)); // expected-note {{'frame' of type 'unique_ptr<Frame>' was moved here into 'submit', which sends it to another thread}} expected-note {{help: move 'frame' only after its last use, or assign it a new value before using it again}}
  log(frame->pixels); // expected-warning {{'frame' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Frame>' is null: dereferencing it is undefined behaviour}}
}

#ifdef FEARLESS_RUN
#include <thread>
void log(int) {}
int main() {
  Renderer r;
  std::thread consumer([&] { r.next(); });
  produce(r);
  consumer.join();
}
#endif
