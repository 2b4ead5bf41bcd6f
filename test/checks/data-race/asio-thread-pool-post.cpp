// Boost.Asio: post(pool, f) queues f on a thread_pool (Models/Executors.def,
// an executor function): the pool's threads run the queued handlers at the
// same time, and the caller goes on while they run.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/asio.h"

void pause_ms(int);

long count_items() {
  long total = 0;
  boost::asio::thread_pool pool(4);
  for (int i = 0; i < 20; ++i)
    boost::asio::post(pool, [&] {
      pause_ms(1);
      total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
    }); // expected-note@-3 {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
  pool.join();
  return total; // after join(): every handler has run
}

int progress() {
  int state = 0;
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool.get_executor(), [&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}} expected-note {{the task is queued here for the worker threads of 'pool'}}
  int seen = state; // expected-note {{the other read is here}}
  pool.wait(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return count_items() < 0 || progress() < 0; }
#endif
