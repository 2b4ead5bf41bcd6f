// What the consumer of an unannotated blocking queue takes out outlives the
// producer's frame: a std::unique_ptr handed off owns its object, and a
// local whose address is sent is fine when the producer waits for the
// consumer's reply before returning.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <future>
#include <memory>
#include <utility>

struct Request {
  int id = 0;
  std::promise<int> *done = nullptr;
};

void hand_off(BlockingQueue<std::unique_ptr<Request>> &q, int id) {
  auto r = std::make_unique<Request>();
  r->id = id;
  q.send(std::move(r));
}

void ask_and_wait(BlockingQueue<Request *> &q, int id) {
  std::promise<int> done;
  Request r;
  r.id = id;
  r.done = &done;
  q.send(&r);
  done.get_future().wait();
}
