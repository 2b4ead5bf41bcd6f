// Two tasks posted on a pool of single-threaded workers, as std::
// packaged_tasks whose futures the caller waits for, increment one counter:
// they may run on two workers at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/pool-of-workers.h"
#include <future>

int count_twice(WorkerPool &pool) {
  int counter = 0;
  std::packaged_task<void()> a([&counter] {
    for (int i = 0; i < 100000; ++i)
      ++counter; // expected-warning {{data race on 'counter'}} expected-note {{help: make 'counter' a std::atomic<int>}}
  });
  auto fa = a.get_future();
  pool.post(std::move(a)); // expected-note {{one thread is spawned here}}
  std::packaged_task<void()> b([&counter] {
    for (int i = 0; i < 100000; ++i)
      ++counter; // expected-note {{the other write is here}}
  });
  auto fb = b.get_future();
  pool.post(std::move(b)); // expected-note {{the other thread is spawned here}}
  fa.get();
  fb.get();
  return counter;
}

#ifdef FEARLESS_RUN
int main() {
  WorkerPool pool(2);
  return count_twice(pool) < 0;
}
#endif
