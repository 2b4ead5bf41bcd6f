// The address of a local handed to an unannotated blocking queue's send():
// the consumer thread takes the pointer out and reads through it, but the
// producer returns (and its local dies) without waiting for that.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <channels/blocking-queue.h>

struct Request {
  int id = 0;
};

void submit(BlockingQueue<Request *> &q, int id) {
  Request r;
  r.id = id;
  q.send(&r); // expected-warning {{thread may outlive 'r', which it borrows}} expected-note {{the address of 'r' is passed to the thread here}} expected-note {{'send' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'r' is destroyed here}}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  BlockingQueue<Request *> q;
  std::thread consumer([&] {
    Request *r = q.receive();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::printf("%d\n", r->id);
  });
  submit(q, 7);
  consumer.join();
}
#endif
