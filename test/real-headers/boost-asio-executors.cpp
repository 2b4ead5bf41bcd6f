// Boost.Asio's executors against the real Debian headers (libboost-dev):
// post/dispatch/defer to a thread_pool queue for its threads; join(),
// wait() and the destructor (stop(); join();) wait; an io_context is a
// pool only when threads started before run it (Models/Executors.def).
// REQUIRES: boost-asio
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <thread>

void record(int);

long count_racy() {
  long total = 0;
  boost::asio::thread_pool pool(4);
  for (int i = 0; i < 20; ++i)
    boost::asio::post(pool, [&] { total += 1; }); // expected-warning {{data race on 'total'}} expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}} expected-note {{help: make 'total' a std::atomic<long>}}
  pool.join();
  return total;
}

int one_task() {
  int result = 0;
  {
    boost::asio::thread_pool pool(2);
    boost::asio::dispatch(pool.get_executor(), [&] { result = 42; });
  } // stop(); join();
  return result;
}

void request_outlives(boost::asio::thread_pool &pool) {
  int request = 5;
  boost::asio::post(pool, [&] { record(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'post' queues the callable for the worker threads of 'pool', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}

int single_threaded_io() {
  int handled = 0;
  boost::asio::io_context io;
  boost::asio::post(io, [&] { handled += 1; });
  handled += 100; // only run() below runs the handler, on this thread
  io.run();
  return handled;
}

int io_run_by_thread() {
  int state = 0;
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread runner([&] { io.run(); });
  boost::asio::post(io, [&] { state = 1; }); // expected-warning {{data race on 'state'}} expected-note {{help: make 'state' a std::atomic<int>}} expected-note {{the task is queued here for the worker threads of 'runner'}}
  int seen = state; // expected-note {{the other read is here}}
  work.reset();
  runner.join(); // expected-note {{the spawning function joins it only here}}
  return seen;
}
