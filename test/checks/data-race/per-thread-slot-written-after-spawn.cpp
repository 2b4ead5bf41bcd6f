// The twin of ok-per-thread-slot-captured.cpp: `&slots[i]` is thread i's
// own element, but the spawner writes `slots[i]` after starting thread i in
// the same iteration, while that thread runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <thread>
#include <vector>

void bump(long *slot) { ++*slot; } // expected-warning {{data race on 'slots[i]': this write can run at the same time as a write in another thread}} expected-note {{help: make 'slots[i]' a std::atomic<long>}}

void resetAfterStart() {
  long slots[4] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back(bump, &slots[i]); // expected-note {{the thread is spawned here}}
    slots[i] = 0; // expected-note {{the other write is here}}
  }
  for (auto &t : threads)
    t.join(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() { resetAfterStart(); }
#endif
