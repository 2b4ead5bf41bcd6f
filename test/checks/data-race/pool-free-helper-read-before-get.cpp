// A free helper hands the callable to the pool it is given (as
// threadpool11's post_work does, through a std::function parameter); the
// caller writes what the task reads before it waits for the future.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/future-pool.h"

template <class T>
std::future<T> post_work(ThreadPool &pool, std::function<T()> work) {
  return pool.enqueue(std::move(work));
}

int scale(ThreadPool &pool) {
  int factor = 1;
  auto result = post_work<int>(pool, [&] { return factor * 2; }); // expected-note {{the other read is here}} expected-note {{the task is queued here for the worker threads of 'pool'}}
  factor = 3; // expected-warning {{data race on 'factor'}} expected-note {{help: make 'factor' a std::atomic<int>}}
  return result.get(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() {
  ThreadPool pool(2);
  int sum = 0;
  for (int i = 0; i < 200; ++i)
    sum += scale(pool);
  return sum < 0;
}
#endif
