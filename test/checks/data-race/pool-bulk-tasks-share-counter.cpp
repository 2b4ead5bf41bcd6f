// A bulk helper queues one task per index from one call; every task
// increments one counter, and the pool runs several at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/bulk-pool.h"

int count(BulkPool &pool) {
  int counter = 0;
  std::vector<std::future<void>> futures =
      pool.parallel_loop(0, 4, [&counter](long) { // expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
        for (int i = 0; i < 100000; ++i)
          ++counter; // expected-warning {{data race on 'counter'}} expected-note {{help: make 'counter' a std::atomic<int>}}
      });
  for (std::future<void> &f : futures)
    f.get();
  return counter;
}

#ifdef FEARLESS_RUN
int main() {
  BulkPool pool(2);
  return count(pool) < 0;
}
#endif
