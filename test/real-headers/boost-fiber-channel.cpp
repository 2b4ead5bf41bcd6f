// Boost.Fiber's channels against the real Debian headers (libboost-fiber-dev):
// push/try_push/push_wait_for hand their argument to whichever fiber pops
// it, and that fiber may run on another thread (Models/Channels.def). What
// crosses is checked like what crosses a spawn.
// REQUIRES: boost-fiber
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <boost/fiber/buffered_channel.hpp>
#include <boost/fiber/unbuffered_channel.hpp>
#include <chrono>
#include <fearless/refcounted.h>
#include <memory>
#include <string>
#include <utility>

struct Frame {
  int pixels = 0;
};
void log(int);

using FrameChannel = boost::fibers::buffered_channel<Frame *>;

// Silent: Send values, a copy kept by the producer, a unique_ptr handed off,
// a heap object the producer no longer touches.
void fine(boost::fibers::buffered_channel<std::string> &names,
          boost::fibers::unbuffered_channel<std::unique_ptr<Frame>> &owned,
          FrameChannel &frames) {
  std::string name = "frame";
  names.push(name);
  log(int(name.size()));
  owned.push(std::make_unique<Frame>());
  frames.push(new Frame);
  std::string out;
  names.pop(out);
  std::string next = names.value_pop();
  (void)next;
}

void local_sent(FrameChannel &q) {
  Frame f;
  q.push(&f); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'push' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'push' of 'buffered_channel' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void local_try_sent(boost::fibers::unbuffered_channel<Frame *> &q) {
  Frame f;
  q.push_wait_for(&f, std::chrono::milliseconds(10)); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'push_wait_for' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'push_wait_for' of 'unbuffered_channel' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void moved_then_read(boost::fibers::buffered_channel<std::unique_ptr<Frame>> &q) {
  auto frame = std::make_unique<Frame>();
  q.push(std::move(frame)); // expected-note {{'frame' of type 'std::unique_ptr<Frame>' was moved here into 'push', which sends it to another thread}} expected-note {{help: move 'frame' only after its last use, or assign it a new value before using it again}}
  log(frame->pixels); // expected-warning {{'frame' used after it was moved}} expected-note {{a moved-from 'std::unique_ptr<Frame>' is null: dereferencing it is undefined behaviour}}
}

// The channel copies its elements by assignment, so nothing here
// copy-constructs an Rc<Frame>: its verdict comes from the class template's
// copy constructor.
void not_send(boost::fibers::buffered_channel<Rc<Frame>> &q, const Rc<Frame> &frame) {
  q.push(frame); // expected-warning {{'frame' is sent to another thread, but its type 'Rc<Frame>' is not Send}} expected-note {{'push' of 'buffered_channel' hands its argument to the thread that takes it out}}
}
// expected-note@fearless/refcounted.h:16 {{'Rc<Frame>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}
