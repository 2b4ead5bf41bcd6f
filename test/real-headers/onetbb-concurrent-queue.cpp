// oneTBB's concurrent queues against the real Debian headers (libtbb-dev):
// push/try_push/emplace hand their argument to the thread that pops it
// (Models/Channels.def), like a fearless::sends parameter.
// REQUIRES: onetbb
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <fearless/refcounted.h>
#include <memory>
#include <oneapi/tbb/concurrent_queue.h>
#include <string>
#include <utility>

struct Frame {
  int pixels = 0;
};
void log(int);

void not_send(tbb::concurrent_queue<Rc<Frame>> &q, const Rc<Frame> &frame) {
  q.push(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Rc<Frame>' is not Send}} expected-note {{'push' of 'concurrent_queue' hands its argument to the thread that takes it out}}
}
// expected-note@fearless/refcounted.h:16 2 {{'Rc<Frame>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}

void bounded_not_send(tbb::concurrent_bounded_queue<Rc<Frame>> &q,
                      const Rc<Frame> &frame) {
  q.try_push(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Rc<Frame>' is not Send}} expected-note {{'try_push' of 'concurrent_bounded_queue' hands its argument to the thread that takes it out}}
}

void moved_then_read(tbb::concurrent_queue<std::unique_ptr<Frame>> &q) {
  auto frame = std::make_unique<Frame>();
  q.push(std::move(frame)); // expected-note {{'frame' of type 'std::unique_ptr<Frame>' was moved here into 'push', which sends it to another thread}} expected-note {{help: move 'frame' only after its last use, or assign it a new value before using it again}}
  log(frame->pixels); // expected-warning {{'frame' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Frame>' is null: dereferencing it is undefined behaviour}}
}

void local_sent(tbb::concurrent_bounded_queue<Frame *> &q) {
  Frame f;
  q.push(&f); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'push' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'push' of 'concurrent_bounded_queue' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void fine(tbb::concurrent_queue<std::string> &names,
          tbb::concurrent_bounded_queue<std::unique_ptr<Frame>> &owned) {
  std::string name = "frame";
  names.push(name);
  names.emplace("other");
  owned.push(std::make_unique<Frame>());
  std::string out;
  names.try_pop(out);
  log(int(name.size()));
}
