// A function object holding a reference carries the borrow into the thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

struct Accumulate {
  int &total;
  void operator()() const { total += 1; }
};

void functorBorrow() {
  int total = 0;
  Accumulate task{total}; // expected-note {{'task' holds a reference to 'total' and is passed to the thread here}}
  std::thread(task).detach(); // expected-warning {{thread may outlive 'total'}} expected-note {{detached here}}
} // expected-note {{'total' is destroyed here}}
