// Regression (oneTBB, docs/real-world.md): a callback that only one thread runs, under the barrier's atomics
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
struct Barrier {
  std::atomic<int> arrived{0};
  int n = 2;
  template <class F> void wait(const F &onOpen) {
    if (arrived.fetch_add(1) + 1 == n) { onOpen(); arrived = 0; } // only the last thread
    else while (arrived != 0) {}
  }
};
static int total;
struct Record { void operator()() const { total = total + 1; } };
void run() {
  Barrier b;
  std::thread t1([&] { b.wait(Record{}); }), t2([&] { b.wait(Record{}); });
  t1.join(); t2.join();
}
