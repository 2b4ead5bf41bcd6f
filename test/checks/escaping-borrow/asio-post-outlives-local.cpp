// Boost.Asio: a handler posted to a thread_pool the function does not own
// may still run after the function returns and its local is gone.
// CONFIRM: address
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/asio.h"

void record(int);

void schedule(boost::asio::thread_pool &pool) {
  int request = 5;
  boost::asio::post(pool, [&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'post' queues the callable for the worker threads of 'pool', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  boost::asio::thread_pool pool(1);
  schedule(pool);
  pool.join();
  return 0;
}
#endif
