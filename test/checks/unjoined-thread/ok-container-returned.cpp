// A container of threads returned to the caller is the caller's to join:
// the threads are not destroyed here.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <vector>
void work(int);
std::vector<std::thread> startAll(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(work, i);
  return workers;
}
void runAll() {
  std::vector<std::thread> workers = startAll(4);
  for (std::thread &t : workers)
    t.join();
}
