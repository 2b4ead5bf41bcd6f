// The twin of ok-member-thread-setter-called-elsewhere.cpp: the worker
// also writes the field the uncalled setter writes (it counts down the
// budget), so the field is shared state, not configuration, and the
// setter's write races with the worker whenever it is called.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <thread>

class Worker {
public:
  void setBudget(int budget) { budget_ = budget; } // expected-warning {{data race on 'budget_'}} expected-note {{'setBudget' is a public member function: it may be called while the thread runs}} expected-note {{help: make 'budget_' a std::atomic<int>}}
  void start() { thread_ = std::thread(&Worker::run, this); } // expected-note {{the thread is spawned here and kept in 'thread_'; it may still run when 'start' returns}}
  void stop() {
    stop_ = true;
    thread_.join();
  }

private:
  void run() {
    while (!stop_)
      if (budget_ > 0)
        --budget_; // expected-note {{the other write is here}}
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
  int budget_ = 0;
};

#ifdef FEARLESS_RUN
#include <chrono>
// Called from "another TU": through a pointer the analysis cannot follow.
void (Worker::*volatile set)(int) = &Worker::setBudget;
int main() {
  Worker w;
  w.start();
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < until) // while the worker runs
    (w.*set)(1000);
  w.stop();
}
#endif
