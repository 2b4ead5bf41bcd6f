// A bulk helper of a progschj-style pool, like Leopard's parallel_loop: it
// queues one task per index and returns their futures in a vector.
#pragma once
#include "pools/future-pool.h"
#include <vector>

class BulkPool : public ThreadPool {
public:
  using ThreadPool::ThreadPool;
  template <class F>
  std::vector<std::future<void>> parallel_loop(long begin, long end, F f) {
    std::vector<std::future<void>> futures;
    for (long i = begin; i < end; ++i)
      futures.push_back(enqueue([f, i] { f(i); }));
    return futures;
  }
};
