// The correct twins of channel-helper-local-sent.cpp: a helper handed an
// object the consumer owns (a unique_ptr moved through, a heap object), a
// helper that waits for the consumer's reply before returning, and a helper
// that sends something else than its parameter.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include <channels/blocking-queue.h>
#include <future>
#include <memory>
#include <utility>

struct Request {
  int id = 0;
  std::promise<int> *done = nullptr;
};

class Dispatcher {
public:
  void submit_owned(std::unique_ptr<Request> r) { owned_.send(std::move(r)); }
  void submit(Request *r) { queue_.send(r); }
  void call(Request *r) {
    std::promise<int> done;
    r->done = &done;
    queue_.send(r);
    done.get_future().wait();
  }
  void submit_copy(const Request *r) { queue_.send(new Request{r->id, nullptr}); }
  BlockingQueue<std::unique_ptr<Request>> owned_;
  BlockingQueue<Request *> queue_;
};

void produce(Dispatcher &d, int id) {
  auto owned = std::make_unique<Request>();
  owned->id = id;
  d.submit_owned(std::move(owned));
  d.submit(new Request{id, nullptr});
  Request waited;
  waited.id = id;
  d.call(&waited);
  Request copied;
  copied.id = id;
  d.submit_copy(&copied);
}

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  Dispatcher d;
  std::thread consumer([&] {
    std::printf("%d\n", d.owned_.receive()->id);
    std::unique_ptr<Request> heap(d.queue_.receive());
    Request *waited = d.queue_.receive();
    std::printf("%d %d\n", heap->id, waited->id);
    waited->done->set_value(1);
    std::unique_ptr<Request> copy(d.queue_.receive());
    std::printf("%d\n", copy->id);
  });
  produce(d, 7);
  consumer.join();
}
#endif
