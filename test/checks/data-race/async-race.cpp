// std::async's task runs until get().
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <future>

int concurrentSum() {
  int sum = 0;
  auto f = std::async(std::launch::async, [&] { sum += 1; }); // expected-warning {{data race on 'sum': this write can run at the same time as a write in another thread}} expected-note {{help: make 'sum' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  sum += 2; // expected-note {{the other write is here}}
  f.get(); // expected-note {{joins it only here}}
  return sum;
}
