// A request sent as the address of a local, then the sender blocks on the
// reply channel's receive() before the local dies: the server replies after
// it is done with the request. A call of a function that waits (its body
// waits on a condition variable) waits by hand like the wait itself.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <channels/blocking-queue.h>
#include <thread>

struct Query {
  int a = 0, result = 0;
};

BlockingQueue<Query *> requests;
BlockingQueue<int> replies;

int ask(int a) {
  Query q;
  q.a = a;
  requests.send(&q);
  replies.receive();
  return q.result;
}

#ifdef FEARLESS_RUN
int main() {
  std::thread server([] {
    Query *q = requests.receive();
    q->result = q->a * 2;
    replies.send(1);
  });
  int r = ask(21);
  server.join();
  return r == 42 ? 0 : 1;
}
#endif
