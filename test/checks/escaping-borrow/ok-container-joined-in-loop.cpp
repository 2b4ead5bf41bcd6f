// Threads in a container, joined in a range-for loop (and in an index
// loop).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <vector>

void process(int &);

void rangeFor() {
  int shared = 0;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { process(shared); });
  for (auto &t : pool)
    t.join();
}

void indexLoop() {
  int shared = 0;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.push_back(std::thread([&] { process(shared); }));
  for (unsigned i = 0; i < pool.size(); ++i)
    if (pool[i].joinable())
      pool[i].join();
}
