// The correct twin of asio-io-context-run-by-threads.cpp: what the handler
// writes is read after the thread that runs the io_context is joined; a
// handler posted before any thread runs the io_context, and what the
// caller does before starting it, do not overlap; and one thread running
// the io_context runs its handlers one after the other.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/asio.h"
#include <thread>

int joined_first() {
  int state = 0;
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread runner([&] { io.run(); });
  boost::asio::post(io, [&] { state = 1; });
  work.reset();
  runner.join();
  return state;
}

int posted_before_start() {
  int state = 0;
  boost::asio::io_context io;
  boost::asio::post(io, [&] { state = 1; });
  state += 10; // no thread runs the io_context yet
  std::thread runner([&] { io.run(); });
  runner.join();
  return state;
}

int one_runner() {
  int handled = 0;
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::thread runner([&] { io.run(); });
  for (int i = 0; i < 10; ++i)
    boost::asio::post(io, [&] { handled += 1; }); // one after the other
  work.reset();
  runner.join();
  return handled;
}

#ifdef FEARLESS_RUN
int main() {
  return joined_first() != 1 || posted_before_start() != 11 ||
         one_runner() != 10;
}
#endif
