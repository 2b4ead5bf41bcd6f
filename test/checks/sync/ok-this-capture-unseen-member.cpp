// The sync check's rule for code it cannot see: a member function the
// thread's body calls on *this, defined in another translation unit, is
// taken to reach no part of *this (as Infer's RacerD takes unknown callees).
// The report needs a non-Sync part seen shared, not a guess at unseen code.
// Here the other file's definition (the program below) touches only the
// atomic, and the non-Sync member stays the spawner's.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

struct Cache {
  mutable int hits = 0;                 // written through const: not Sync
  int get() const { return ++hits; }
};

class Job {
  std::atomic<int> done_{0};
  Cache cache_;

  void processRemotely(int part);       // defined in another file

public:
  void run() {
    std::vector<std::thread> pool;
    for (int i = 1; i < 4; ++i)
      pool.emplace_back([this, i] { processRemotely(i); });
    for (auto &t : pool)
      t.join();
    cache_.get();
  }
  int done() const { return done_.load(); }
};

#ifdef FEARLESS_RUN
void Job::processRemotely(int part) { done_.fetch_add(part); }
int main() {
  for (int i = 0; i < 50; ++i)
    Job().run();
}
#endif
