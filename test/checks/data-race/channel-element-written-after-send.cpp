// The twin of ok-channel-per-element-hand-off.cpp: each iteration sends
// `&buf[i]` and then writes `buf[i]` again, the element it has just handed
// to the consumer, which may be reading it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <channels/blocking-queue.h>
#include <vector>

struct Block {
  int kind = 0;
};

void fill(BlockingQueue<Block *> &q, std::vector<Block> &buf) {
  for (unsigned i = 0; i < buf.size(); i++) {
    buf[i].kind = 1;
    q.send(&buf[i]); // expected-note {{'send' hands it to another thread here, which may read it from then on}}
    buf[i].kind = 2; // expected-warning {{data race on 'buf[i].kind': this write can run at the same time as a read in another thread}} expected-note {{help: make 'buf[i].kind' a std::atomic<int>}}
  }
}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  std::vector<Block> buf(64);
  BlockingQueue<Block *> q;
  std::thread consumer([&] {
    long total = 0;
    for (int k = 0; k < 64; ++k)
      total += q.receive()->kind;
    std::printf("%ld\n", total);
  });
  fill(q, buf);
  consumer.join();
}
#endif
