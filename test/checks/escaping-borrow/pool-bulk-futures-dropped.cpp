// The reported twin of ok-pool-bulk-futures-awaited.cpp: the caller keeps
// the futures but returns without waiting for them.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/bulk-pool.h" // expected-note@pools/future-pool.h:40 {{the callable is queued in 'tasks' here}} expected-note@pools/future-pool.h:19 {{the worker threads that run the queued callables are started here}}
void pause_ms(int);

BulkPool pool(2);

void work() {
  int out[4] = {0, 0, 0, 0};
  std::vector<std::future<void>> futures =
      pool.parallel_loop(0, 4, [&out](long i) { // expected-warning {{thread may outlive 'out', which it borrows}} expected-note {{'out' is captured by reference here}} expected-note {{'parallel_loop' queues the callable for the worker threads of 'pool', which may still run it here}}
        pause_ms(50);
        out[i] = 2;
      });
} // expected-note {{'out' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  work();
  pause_ms(200);
}
#endif
