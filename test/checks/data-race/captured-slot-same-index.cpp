// The twin of ok-per-thread-slot-captured.cpp: the element is chosen when
// each thread is created, but with an index that is the same for every
// thread, so all of them write one element.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

struct Worker {
  long count = 0;
};

void sameSlot() {
  std::vector<Worker> workers(4);
  std::vector<std::thread> threads;
  int k = 0;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&w = workers[k]] { ++w.count; }); // expected-warning {{data race on 'workers[k].count': this write can run at the same time as a write in another thread}} expected-note {{help: make 'workers[k].count' a std::atomic<long>}} expected-note {{the same write runs in every thread started here}}
  for (auto &t : threads)
    t.join();
}
