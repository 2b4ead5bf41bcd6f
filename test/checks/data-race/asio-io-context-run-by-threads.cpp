// Boost.Asio: an io_context runs its handlers on the threads that call its
// run() (Models/Executors.def, an execution context). When the function
// has started threads that run it, a handler posted afterwards runs on one
// of them, at the same time as the caller and as the other handlers.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/asio.h"
#include <thread>
#include <vector>

void pause_ms(int);

long count_items() {
  long total = 0;
  boost::asio::io_context io;
  auto work = boost::asio::make_work_guard(io);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] { io.run(); });
  for (int i = 0; i < 20; ++i)
    boost::asio::post(io, [&] {
      pause_ms(1);
      total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: make 'total' a std::atomic<long>}}
    }); // expected-note@-3 {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}}
  work.reset();
  for (std::thread &t : threads)
    t.join();
  return total;
}

int progress() {
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

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() { return count_items() < 0 || progress() < 0; }
#endif
