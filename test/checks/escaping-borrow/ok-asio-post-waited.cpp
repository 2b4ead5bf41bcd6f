// The correct twin of asio-post-outlives-local.cpp: the function waits for
// the pool (or owns it, and its destructor joins) before the local dies,
// or the handler captures a copy.
// CONFIRM: address
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/asio.h"

void record(int);

void schedule_and_wait(boost::asio::thread_pool &pool) {
  int request = 5;
  boost::asio::post(pool, [&] { record(request); });
  pool.wait();
}

void own_pool() {
  int request = 6;
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool, [&] { record(request); });
} // the pool is destroyed (stop(); join();) before 'request'

void by_copy(boost::asio::thread_pool &pool) {
  int request = 7;
  boost::asio::post(pool, [request] { record(request); });
}

#ifdef FEARLESS_RUN
#include <chrono>
#include <thread>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  seen = r;
}
int main() {
  boost::asio::thread_pool pool(1);
  schedule_and_wait(pool);
  own_pool();
  by_copy(pool);
  pool.join();
  return 0;
}
#endif
