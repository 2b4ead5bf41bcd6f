// oneTBB's task_group against the real Debian headers (libtbb-dev): run()
// queues a task for TBB's worker threads (Models/Executors.def), wait() and
// the destructor wait for it.
// REQUIRES: onetbb
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <oneapi/tbb/task_group.h>

void log(int);

int count_racy() {
  int sum = 0;
  tbb::task_group tg;
  for (int i = 0; i < 10; ++i)
    tg.run([&] { sum += 1; }); // expected-warning {{data race on 'sum'}} expected-note {{the same write runs in every task queued here, and the pool's worker threads run several at the same time}} expected-note {{help: make 'sum' a std::atomic<int>}}
  tg.wait();
  return sum;
}

int count_one() {
  int sum = 0;
  tbb::task_group tg;
  tg.run([&] { sum += 1; });
  tg.wait();
  return sum; // after wait(): no race
}

void request_outlives(tbb::task_group &tg) {
  int request = 5;
  tg.run([&] { log(request); }); // expected-warning {{thread may outlive 'request'}} expected-note {{'run' queues the callable for the worker threads of 'tg', which may still run it here}} expected-note {{captured by reference here}} expected-note {{capture 'request' by copy}}
} // expected-note {{'request' is destroyed here}}

void request_waited(tbb::task_group &tg) {
  int request = 5;
  tg.run([&] { log(request); });
  tg.wait();
}

void local_group() {
  int request = 5;
  tbb::task_group tg; // its destructor waits
  tg.run([&] { log(request); });
  tg.wait();
}
