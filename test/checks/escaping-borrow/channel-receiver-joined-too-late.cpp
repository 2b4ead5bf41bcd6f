// The twin of ok-channel-receiver-joined.cpp: the receiver is joined only
// after the block whose local was sent has ended.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-scope
#include <channels/blocking-queue.h>
#include <thread>

void slow();

void print(int);

struct Request {
  int id = 0;
};

int main() {
  BlockingQueue<Request *> q;
  std::thread consumer([&q] {
    Request *r = q.receive();
    slow();
    print(r->id);
  });
  {
    Request r;
    r.id = 7;
    q.send(&r); // expected-warning {{thread may outlive 'r', which it borrows}} expected-note {{the address of 'r' is passed to the thread here}} expected-note {{'send' sends it to the thread that takes it out, and nothing here waits for that thread}}
  } // expected-note {{'r' is destroyed here}}
  consumer.join();
}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
void print(int v) { std::printf("%d\n", v); }
void slow() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }
#endif
