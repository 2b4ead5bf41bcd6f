// What threads write is read after a helper joined them (`join_all(ts)`
// joining each element of the vector it is given by reference).
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>
static std::atomic<int> started;
static int result;
static void join_all(std::vector<std::thread> &ts) {
  for (auto &t : ts)
    t.join();
}
int main() {
  std::vector<std::thread> ts;
  ts.emplace_back([] { result = 42; });
  ts.emplace_back([] { started++; });
  join_all(ts);
  return result + started;
}
