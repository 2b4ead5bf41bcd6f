// A free helper hands the callable to the pool it is given by pointer; the
// caller drops the future and returns while the task borrows its local.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/task-pool.h" // expected-note@pools/task-pool.h:18 {{the worker threads that run the queued callables are started here}} expected-note@pools/task-pool.h:32 {{the callable is queued in 'tasks_' here}}
void pause_ms(int);
void log(int);

template <class F> void run_later(TaskPool *pool, F &&f) {
  pool->submit(std::forward<F>(f));
}

TaskPool pool(2);

void handle() {
  int request = 5;
  run_later(&pool, [&] { // expected-warning {{thread may outlive 'request'}} expected-note {{'run_later' queues the callable for the worker threads of 'pool', which may still run it here}}
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
  pool.wait_idle();
}
#endif
