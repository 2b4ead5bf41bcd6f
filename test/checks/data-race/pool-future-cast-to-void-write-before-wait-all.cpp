// The reported twin of ok-pool-future-cast-to-void-wait-all.cpp: the write
// comes before wait_all().
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/counted-pool.h"

int report(CountedPool &pool) {
  int x = 1;
  (void)pool.enqueue([&x] { volatile int seen = x; (void)seen; }); // expected-note {{the other read is here}} expected-note {{the task is queued here for the worker threads of 'pool'}}
  x = 42; // expected-warning {{data race on 'x'}} expected-note {{help: make 'x' a std::atomic<int>}}
  pool.wait_all();
  return x;
}

#ifdef FEARLESS_RUN
int main() {
  CountedPool pool(2);
  int sum = 0;
  for (int i = 0; i < 100; ++i)
    sum += report(pool);
  return sum != 4200;
}
#endif
