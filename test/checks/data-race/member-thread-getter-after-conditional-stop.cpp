// The getter is called after a stop() that runs only on some paths: on the
// others the worker still writes what it reads.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

class Summer {
public:
  void start() { worker_ = std::thread(&Summer::run, this); } // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void stop() {
    if (worker_.joinable())
      worker_.join();
  }
  long sum() const { return sum_; } // expected-note {{the other read is here}} expected-note {{'sum' is a public member function: it may be called while the thread runs}}

private:
  void run() {
    for (int i = 0; i < 100000; ++i)
      sum_ += i; // expected-warning {{data race on 'sum_'}} expected-note {{help: make 'sum_' a std::atomic<long>}}
  }
  long sum_ = 0;
  std::thread worker_;
};

long peek(bool wait) {
  Summer s;
  s.start();
  if (wait)
    s.stop();
  long v = s.sum();
  s.stop();
  return v;
}

#ifdef FEARLESS_RUN
int main() { return peek(false) < 0; }
#endif
