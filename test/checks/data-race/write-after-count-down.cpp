// A write after count_down() is not ordered by the latch: the spawner may
// read the slot while the worker still writes it.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <latch>
#include <thread>
int compute(int);
int late() {
  int result = 0;
  std::latch done(1);
  std::jthread worker([&] { // expected-note {{the thread is spawned here}}
    done.count_down();
    result = compute(1); // expected-warning {{data race on 'result': this write can run at the same time as a read in another thread}} expected-note {{help: make 'result' a std::atomic<int>}}
  });
  done.wait();
  return result; // expected-note {{the other read is here}}
}
