// The correct twin of asio-thread-pool-post.cpp: what the handlers write is
// read after join(), or after the pool's destructor (stop(); join();), and
// an io_context that only the calling thread runs is not a second thread:
// its handlers run inside run(), one after the other.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/asio.h"

int one_task() {
  int result = 0;
  boost::asio::thread_pool pool(2);
  boost::asio::post(pool, [&] { result = 42; });
  pool.join();
  return result;
}

int destructor_waits() {
  int result = 0;
  {
    boost::asio::thread_pool pool(2);
    boost::asio::dispatch(pool, [&] { result = 7; });
  } // stop(); join();
  return result;
}

int single_threaded_io() {
  int handled = 0;
  boost::asio::io_context io;
  for (int i = 0; i < 10; ++i)
    boost::asio::post(io, [&] { handled += 1; });
  handled += 100; // no handler runs before run()
  io.run();
  return handled;
}

#ifdef FEARLESS_RUN
int main() {
  return one_task() != 42 || destructor_waits() != 7 ||
         single_threaded_io() != 110;
}
#endif
