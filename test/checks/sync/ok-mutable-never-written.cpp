// Regression (oneTBB): a mutable field that no const member writes does not
// break Sync (its const members are all visible here and write nothing).
// RUN: %fearless -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-sync
// expected-no-diagnostics
#include <thread>
#include <vector>
struct Tester {
  bool verbose = false;
  void run() { if (verbose) {} } // not const, but writes nothing
};
struct Body {
  mutable Tester test; // mutable only to call the non-const run()
  void operator()(int) const { test.run(); }
};
template <class B> void parallel(int n, const B &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  for (auto &t : pool)
    t.join();
}
void f() { parallel(4, Body{}); }
