// Each thread started in a range-for writes the element the loop's
// reference is bound to in its iteration: no two threads share one.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <vector>

int fill() {
  std::vector<int> ids(8);
  std::vector<std::thread> ts;
  for (int &id : ids)
    ts.emplace_back([&id] { id = 1; });
  for (std::thread &t : ts)
    t.join();
  return ids[0];
}

#ifdef FEARLESS_RUN
int main() { return fill() != 1; }
#endif
