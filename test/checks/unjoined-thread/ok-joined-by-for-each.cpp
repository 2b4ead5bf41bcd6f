// std::for_each over the container with std::mem_fn(&std::thread::join) (C++
// Concurrency in Action, listing 2.8) or a lambda joining its parameter
// joins every thread of the container.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <algorithm>
#include <functional>
#include <thread>
#include <vector>
void work(int) {}
void mem_fn_join() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.push_back(std::thread(work, i));
  std::for_each(ts.begin(), ts.end(), std::mem_fn(&std::thread::join));
}
void lambda_join() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i);
  std::for_each(ts.begin(), ts.end(), [](std::thread &t) { t.join(); });
}

#ifdef FEARLESS_RUN
int main() {
  mem_fn_join();
  lambda_join();
}
#endif
