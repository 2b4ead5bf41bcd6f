// A thread class whose constructor assigns the callable in its body
// (`func_ = std::move(f);`) rather than in its initializer list: the same
// thread class, and the read before join() races with record().
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <functional>
#include <thread>
#include <utility>

class Worker {
public:
  explicit Worker(std::function<void()> f) { func_ = std::move(f); }
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

long hits;
void record() { ++hits; } // expected-warning {{data race on 'hits': this write can run at the same time as a read in another thread}} expected-note {{help: make 'hits' a std::atomic<long>}}

long sample() {
  Worker w(record);
  w.start(); // expected-note {{the thread is spawned here}}
  long seen = hits; // expected-note {{the other read is here}}
  w.join(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return sample() > 1; }
#endif
