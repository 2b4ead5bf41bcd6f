// Threads joined by a helper that is given them by reference (`join_all(ts)`
// joining each element, `join_one(t)`) are joined when they are destroyed.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: abort
#include <thread>
#include <vector>
static void join_all(std::vector<std::thread> &ts) {
  for (auto &t : ts)
    t.join();
}
static void join_one(std::thread &t) {
  if (t.joinable())
    t.join();
}
int main() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 2; ++i)
    ts.emplace_back([] {});
  join_all(ts);
  std::thread u([] {});
  join_one(u);
}
