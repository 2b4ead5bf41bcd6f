// The twin of ok-atomic-derived-class.cpp: the wrapper's own plain field is
// not atomic.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <thread>

struct CountedAtomic : std::atomic<int> {
  int stores = 0;
  void countedStore(int v) {
    store(v);
    ++stores; // expected-warning {{data race on 'c.stores': this write can run at the same time as a write in another thread}} expected-note {{help: make 'c.stores' a std::atomic<int>}}
  }
};

void twoWriters() {
  CountedAtomic c;
  std::thread a([&c] { c.countedStore(1); }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  std::thread b([&c] { c.countedStore(2); }); // expected-note {{reached through this call}} expected-note {{one thread is spawned here}}
  a.join();
  b.join();
}
