// oneTBB's parallel_invoke runs its functions at the same time as each
// other: two that both update one captured local race.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"

void work(int);

int both_halves(int n) {
  int done = 0;
  tbb::parallel_invoke(
      [&] { for (int i = 0; i < n / 2; ++i) work(i); done += 1; }, // expected-warning {{data race on 'done': this write can run at the same time as a write in another thread}} expected-note {{help: make 'done' a std::atomic<int>}} expected-note {{one thread is spawned here}}
      [&] { for (int i = n / 2; i < n; ++i) work(i); done += 1; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
  return done;
}

#ifdef FEARLESS_RUN
#include <atomic>
std::atomic<long> sink;
void work(int i) { sink += i; }
int main() {
  for (int r = 0; r < 50; ++r)
    both_halves(100000);
  return 0;
}
#endif
