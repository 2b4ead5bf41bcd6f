// moodycamel's single-header queues against the real Debian headers
// (libconcurrentqueue-dev, libreaderwriterqueue-dev): enqueue/try_enqueue
// hand their argument to the thread that dequeues it (Models/Channels.def).
// REQUIRES: concurrentqueue, readerwriterqueue
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <concurrentqueue/blockingconcurrentqueue.h>
#include <fearless/refcounted.h>
#include <memory>
#include <readerwriterqueue/readerwriterqueue.h>
#include <string>
#include <utility>

struct Frame {
  int pixels = 0;
};
void log(int);

// Silent: Send values, a copy kept by the producer, a unique_ptr handed off.
void fine(moodycamel::BlockingConcurrentQueue<std::string> &names,
          moodycamel::ConcurrentQueue<std::unique_ptr<Frame>> &owned) {
  std::string name = "frame";
  names.enqueue(name);
  log(int(name.size()));
  owned.enqueue(std::make_unique<Frame>());
  std::string out;
  names.wait_dequeue(out);
}

void local_sent(moodycamel::ReaderWriterQueue<Frame *> &q) {
  Frame f;
  q.try_enqueue(&f); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'try_enqueue' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'try_enqueue' of 'ReaderWriterQueue' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void broadcast(moodycamel::ConcurrentQueue<Rc<Frame>> &q, const Rc<Frame> &frame, int n) {
  for (int i = 0; i < n; ++i)
    q.enqueue(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Rc<Frame>' is not Send}} expected-note {{'enqueue' of 'ConcurrentQueue' hands its argument to the thread that takes it out}}
}
// expected-note@fearless/refcounted.h:16 {{'Rc<Frame>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}

void last_frame(moodycamel::BlockingConcurrentQueue<std::unique_ptr<Frame>> &q) {
  auto frame = std::make_unique<Frame>();
  q.enqueue(std::move(frame)); // expected-note {{'frame' of type 'std::unique_ptr<Frame>' was moved here into 'enqueue', which sends it to another thread}} expected-note {{help: move 'frame' only after its last use, or assign it a new value before using it again}}
  if (frame->pixels) // expected-warning {{'frame' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Frame>' is null: dereferencing it is undefined behaviour}}
    log(1);
}
