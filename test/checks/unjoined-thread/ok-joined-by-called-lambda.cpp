// Threads joined inside a lambda that runs at a call: a local lambda called
// by name, or a lambda given to a helper that calls it (a timing helper,
// eventpp's benchmarks). The threads are joined before the container dies.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <thread>
#include <vector>
template <typename F> long measure(F f) {
  f();
  return 1;
}
void work(int) {}
void named() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i);
  auto join_all = [&] {
    for (auto &t : ts)
      t.join();
  };
  join_all();
}
long helper() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i);
  return measure([&ts] {
    for (auto &t : ts)
      t.join();
  });
}

#ifdef FEARLESS_RUN
int main() {
  named();
  return helper() == 1 ? 0 : 1;
}
#endif
