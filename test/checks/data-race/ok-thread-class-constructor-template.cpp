// The twin of thread-class-constructor-template.cpp: the read comes after
// join(). No race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <utility>

class Worker {
public:
  template <class F> explicit Worker(F &&f) : func_(std::forward<F>(f)) {}
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

long hits;
void record() { ++hits; }

long sample() {
  Worker w(record);
  w.start();
  w.join();
  return hits;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 1; }
#endif
