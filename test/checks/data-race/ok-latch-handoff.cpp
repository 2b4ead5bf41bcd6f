// Workers write their slot, then count a latch down; the spawner reads the
// results after waiting on the latch: count_down() happens before the
// wait() that it releases returns.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <latch>
#include <thread>
#include <vector>
int compute(int);
int sum(int workers) {
  std::vector<int> results(workers);
  std::latch done(workers);
  std::vector<std::jthread> pool;
  for (int i = 0; i < workers; ++i)
    pool.emplace_back([&results, &done, i] {
      results[i] = compute(i);
      done.count_down();
    });
  done.wait();
  int total = 0;
  for (int r : results)
    total += r;
  return total;
}
