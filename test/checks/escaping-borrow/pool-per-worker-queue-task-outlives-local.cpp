// A task posted on a long-lived pool with one queue per worker (a field of
// a struct the pool keeps in a deque, workers started by a constructor
// template) borrows a local that dies when the function returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/per-worker-queue-pool.h" // expected-note@pools/per-worker-queue-pool.h:53 {{the worker threads that run the queued callables are started here}} expected-note@pools/per-worker-queue-pool.h:72 {{the callable is queued in 'queues_' here}}
void pause_ms(int);
void log(int);

QueuePerWorkerPool pool(2);

void handle() {
  int request = 5;
  pool.post([&] { // expected-warning {{thread may outlive 'request'}} expected-note {{'post' queues the callable for the worker threads of 'pool', which may still run it here}}
    pause_ms(50);
    log(request); // expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
  });
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
void log(int) {}
int main() {
  handle();
  pause_ms(200);
}
#endif
