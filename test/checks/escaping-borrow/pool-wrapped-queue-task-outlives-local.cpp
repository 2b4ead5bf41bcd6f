// A task pushed on a CTPL-style pool (a queue class of its own, workers
// behind unique_ptrs) borrows a local that dies when the function returns,
// and the caller drops the task's future without waiting for it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/wrapped-queue-pool.h" // expected-note@pools/wrapped-queue-pool.h:87 {{the worker threads that run the queued callables are started here}} expected-note@pools/wrapped-queue-pool.h:63 {{the callable is queued in 'tasks_' here}}
void pause_ms(int);
void log(int);

wrapped::Pool pool(2);

void handle() {
  int request = 5;
  pool.push([&](int) { // expected-warning {{thread may outlive 'request'}} expected-note {{'push' queues the callable for the worker threads of 'pool', which may still run it here}}
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
