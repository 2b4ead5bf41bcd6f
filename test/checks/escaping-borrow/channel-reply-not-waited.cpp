// The twin of ok-channel-reply-received.cpp: after sending the address of
// a local, the sender calls a function of the reply channel that does not
// wait (it only notifies), so it returns while the server may still read
// the request.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <channels/blocking-queue.h>
#include <condition_variable>

struct Query {
  int a = 0;
};

struct Bell {
  std::condition_variable cv;
  void ring() { cv.notify_all(); }
};

BlockingQueue<Query *> requests;
Bell bell;

void ask(int a) {
  Query q;
  q.a = a;
  requests.send(&q); // expected-warning {{thread may outlive 'q', which it borrows}} expected-note {{the address of 'q' is passed to the thread here}} expected-note {{'send' sends it to the thread that takes it out, and nothing here waits for that thread}}
  bell.ring();
} // expected-note {{'q' is destroyed here}}
// expected-note@channels/blocking-queue.h:18 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  std::thread server([] {
    Query *q = requests.receive();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::printf("%d\n", q->a);
  });
  ask(21);
  server.join();
}
#endif
