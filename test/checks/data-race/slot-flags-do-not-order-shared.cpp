// Per-slot flags order only what each slot guards: two copies that take
// different slots (`flags[slot]`, slot computed in each thread) both write
// the shared counter at once (found while checking issue 13's fixes on
// libcuckoo's stress tests: a shared distribution called under per-slot
// test_and_set flags).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <thread>
#include <vector>

unsigned pick(unsigned seed);

void slots() {
  std::atomic_flag flags[8] = {};
  long shared = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] { // expected-note {{the same write runs in every thread started here}}
      unsigned slot = pick(t) % 8;
      if (!flags[slot].test_and_set()) {
        ++shared; // expected-warning {{data race on 'shared': this write can run at the same time as a write in another thread}} expected-note {{help: make 'shared' a std::atomic<long>}}
        flags[slot].clear();
      }
    });
  for (auto &th : threads)
    th.join();
}
