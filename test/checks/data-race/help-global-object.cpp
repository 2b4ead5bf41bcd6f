// Two threads push to a global vector: the help note offers one mutex for
// every access, or thread_local (a global, not a scalar).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

std::vector<int> journal;

void record() {
  std::thread a([] { journal.push_back(1); }); // expected-warning {{data race on 'journal': this write can run at the same time as a write in another thread}} expected-note {{help: guard every access to 'journal' with one mutex, or make it thread_local if each thread should have its own}} expected-note {{one thread is spawned here}}
  std::thread b([] { journal.push_back(2); }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  a.join();
  b.join();
}
