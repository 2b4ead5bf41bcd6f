// Boost.Lockfree's queue and spsc_queue against the real Debian headers
// (libboost-dev): push hands its argument to the thread that pops it
// (Models/Channels.def). Their elements must be trivially copyable, so
// what goes wrong is a pointer to a local outliving it.
// REQUIRES: boost-lockfree
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <boost/lockfree/queue.hpp>
#include <boost/lockfree/spsc_queue.hpp>

struct Frame {
  int pixels = 0;
};

void local_sent(boost::lockfree::queue<Frame *> &q) {
  Frame f;
  q.push(&f); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'push' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'push' of 'queue' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void spsc_local_sent(boost::lockfree::spsc_queue<Frame *> &q) {
  Frame f;
  q.push(&f); // expected-warning {{thread may outlive 'f', which it borrows}} expected-note {{the address of 'f' is passed to the thread here}} expected-note {{'push' sends it to the thread that takes it out, and nothing here waits for that thread}} expected-note {{'push' of 'spsc_queue' hands its argument to the thread that takes it out}}
} // expected-note {{'f' is destroyed here}}

void fine(boost::lockfree::queue<int> &q, boost::lockfree::spsc_queue<Frame *> &s) {
  q.push(42);
  s.push(new Frame);
  int v = 0;
  q.pop(v);
}
