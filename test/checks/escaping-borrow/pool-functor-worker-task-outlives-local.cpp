// A task queued on a long-lived pool whose workers run a function object
// (std::thread(Worker{this})) borrows a local that dies when the function
// returns, before a worker runs the task.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include "pools/functor-worker-pool.h" // expected-note@pools/functor-worker-pool.h:23 {{the worker threads that run the queued callables are started here}} expected-note@pools/functor-worker-pool.h:37 {{the callable is queued in 'tasks_' here}}
void pause_ms(int);
void log(int);

FunctorPool pool(2);

void handle() {
  int request = 5;
  pool.submit([&] { // expected-warning {{thread may outlive 'request'}} expected-note {{'submit' queues the callable for the worker threads of 'pool', which may still run it here}}
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
