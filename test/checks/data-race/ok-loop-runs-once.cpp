// Regression (real code, docs/real-world.md): the spawning loop runs once, so there is only one thread
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <vector>
void *result;
template <class Body> void parallelFor(int n, const Body &body) {
  std::vector<std::thread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&body, i] { body(i); });
  for (auto &t : pool)
    t.join();
}
struct Once {
  void operator()(int) const { result = nullptr; if (result) {} }
};
void run() { parallelFor(1, Once{}); } // one thread only
