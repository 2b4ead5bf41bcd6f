// task_arena::execute runs its function once, but a parallel_for inside it
// runs its body on the arena's threads at the same time.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"

long sum_in_arena(int n) {
  long sum = 0;
  tbb::task_arena arena(4);
  arena.execute([&] {
    tbb::parallel_for(0, n, [&](int i) { sum += i; }); // expected-warning {{data race on 'sum'}} expected-note {{the same write runs in every thread started here}} expected-note {{help: make 'sum' a std::atomic<long>}}
  });
  return sum;
}

#ifdef FEARLESS_RUN
int main() { return sum_in_arena(1000000) < 0; }
#endif
