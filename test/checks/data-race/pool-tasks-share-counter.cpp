// Tasks queued on an unannotated thread pool with several workers all
// increment the same local: two workers run two of them at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "pools/task-pool.h"
void pause_ms(int);

long count_items() {
  long total = 0;
  TaskPool pool(4);
  for (int i = 0; i < 20; ++i)
    pool.submit([&] {
      pause_ms(1);
      total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
    }); // expected-note@-3 {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
  pool.wait_idle();
  return total;
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return count_items() < 0; }
#endif
