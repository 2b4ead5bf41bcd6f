// The thread that receives from the channel is started and joined by the
// function that sends the address of its local: the join, before the local
// dies, waits for everything the receiver does with it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <channels/blocking-queue.h>
#include <thread>

void print(int);

struct Request {
  int id = 0;
};

int main() {
  BlockingQueue<Request *> q;
  std::thread consumer([&q] {
    Request *r = q.receive();
    print(r->id);
  });
  Request r;
  r.id = 7;
  q.send(&r);
  consumer.join();
}

#ifdef FEARLESS_RUN
#include <cstdio>
void print(int v) { std::printf("%d\n", v); }
#endif
