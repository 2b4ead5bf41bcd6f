// A lazy Task queued in a member container outlives the member function's
// local it borrows: whoever runs the queue later resumes a frame whose
// reference parameter points to the dead local.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "coro/task.h"
#include <string>
#include <vector>

void send(const std::string &);

Task<> upload(const std::string &body) { // expected-note {{help: take 'body' by value}}
  send(body);
  co_return;
}

class Uploader {
public:
  void queue() {
    std::string body = "payload";
    pending_.push_back(upload(body)); // expected-warning {{coroutine 'upload' may outlive 'body', which it borrows}} expected-note {{'body' is bound to the reference parameter 'body' here}} expected-note {{the object holding the coroutine's frame is stored in 'pending_' here, which outlives this scope}}
  } // expected-note {{'body' is destroyed here}}
  void run() {
    for (Task<> &t : pending_)
      t.start();
  }

private:
  std::vector<Task<>> pending_;
};

#ifdef FEARLESS_RUN
#include <cstdio>
void send(const std::string &s) { std::printf("%s\n", s.c_str()); }
int main() {
  Uploader u;
  u.queue();
  u.run();
}
#endif
