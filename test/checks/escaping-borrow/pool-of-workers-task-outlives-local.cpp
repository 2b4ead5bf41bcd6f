// A task posted on a long-lived pool of single-threaded workers (the pool
// hands it to one of the workers it holds) borrows a local that dies when
// the function returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/pool-of-workers.h" // expected-note@pools/pool-of-workers.h:20 {{the worker thread that runs the queued callables is started here}} expected-note@pools/pool-of-workers.h:35 {{the callable is queued in 'tasks_' here}}
void pause_ms(int);
void log(int);

WorkerPool pool(2);

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
