// push_back is a write to the vector (a non-const member of a standard
// type).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

void collect() {
  std::vector<int> results;
  std::thread a([&] { results.push_back(1); }); // expected-warning {{data race on 'results': this write can run at the same time as a write in another thread}} expected-note {{help: guard both accesses with the same mutex, or give each thread its own copy}} expected-note {{one thread is spawned here}}
  std::thread b([&] { results.push_back(2); }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  a.join();
  b.join();
}
