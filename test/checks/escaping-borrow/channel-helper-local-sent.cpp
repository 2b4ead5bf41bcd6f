// A member function that passes its parameter on unchanged to an inferred
// send is a send itself, and so is a free function passing it on to that
// one: the address of a local given to either reaches the consumer thread,
// which reads it after the producer has returned.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <channels/blocking-queue.h>

struct Request {
  int id = 0;
};

class Dispatcher {
public:
  void submit(Request *r) { queue_.send(r); } // expected-note 2 {{'submit' passes 'r' on to 'send' here, which hands it to another thread}}
  Request *next() { return queue_.receive(); }

private:
  BlockingQueue<Request *> queue_;
};

void post(Dispatcher &d, Request *r) { d.submit(r); } // expected-note {{'post' passes 'r' on to 'submit' here, which hands it to another thread}}

void one_level(Dispatcher &d, int id) {
  Request r;
  r.id = id;
  d.submit(&r); // expected-warning {{thread may outlive 'r', which it borrows}} expected-note {{the address of 'r' is passed to the thread here}} expected-note {{'submit' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'r' is destroyed here}}

void two_levels(Dispatcher &d, int id) {
  Request r;
  r.id = id;
  post(d, &r); // expected-warning {{thread may outlive 'r', which it borrows}} expected-note {{the address of 'r' is passed to the thread here}} expected-note {{'post' sends it to the thread that takes it out, and nothing here waits for that thread}}
} // expected-note {{'r' is destroyed here}}
// expected-note@channels/blocking-queue.h:18 2 {{'send' puts its argument into 'items_', which 'receive' takes out under the same lock: the value is handed to another thread}}
// expected-note@channels/blocking-queue.h:22 2 {{'receive' takes the values out of 'items_' here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <cstdio>
#include <thread>
int main() {
  Dispatcher d;
  std::thread consumer([&] {
    for (int i = 0; i < 2; ++i) {
      Request *r = d.next();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::printf("%d\n", r->id);
    }
  });
  one_level(d, 7);
  two_levels(d, 8);
  consumer.join();
}
#endif
