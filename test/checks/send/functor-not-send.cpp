// The callable object itself is copied into the thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <thread>

struct FEARLESS_NOT_SEND Job { // expected-note {{'Job' is marked fearless::not_send here}}
  void operator()() const;
};

void start() {
  Job job;
  std::thread t(job); // expected-warning {{'job' is sent to another thread, but its type 'Job' is not Send}} expected-note {{spawned here}}
  t.join();
}
