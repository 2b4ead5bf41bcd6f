// The twin of ok-thread-id-guard-barrier.cpp without the barrier: the copy
// with id 0 writes while the other copies read.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

void noBarrier() {
  int shared = 0;
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id)
    workers.emplace_back([&, id] { // expected-note {{the thread is spawned here}}
      if (id == 0)
        shared = 42; // expected-warning {{data race on 'shared': this write can run at the same time as a read in another thread}} expected-note {{help: make 'shared' a std::atomic<int>}}
      int seen = shared; // expected-note {{the other read is here}}
      (void)seen;
    });
  for (auto &w : workers)
    w.join(); // expected-note {{joins it only here}}
}
