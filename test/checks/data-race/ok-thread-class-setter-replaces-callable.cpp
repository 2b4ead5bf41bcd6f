// The callable the constructor stores is replaced by setTask() before
// start(): the thread runs quiet(), never record(), so the read of 'hits'
// races with nothing. A class whose callable member another member function
// assigns is no thread class (what its thread runs is not known).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <utility>

class Worker {
public:
  explicit Worker(std::function<void()> f) : func_(std::move(f)) {}
  void setTask(std::function<void()> f) { func_ = std::move(f); }
  void start() { t_ = std::thread([this] { func_(); }); }
  void join() { t_.join(); }

private:
  std::function<void()> func_;
  std::thread t_;
};

long hits;
void record() { ++hits; }
void quiet() {}

long sample() {
  Worker w(record);
  w.setTask(quiet);
  w.start();
  long seen = hits;
  w.join();
  return seen;
}

#ifdef FEARLESS_RUN
int main() { return sample() != 0; }
#endif
