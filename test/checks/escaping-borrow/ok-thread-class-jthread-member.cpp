// A project's thread class that keeps its thread in a std::jthread member:
// destroying the object joins the thread (the member's destructor), so the
// lambda has finished before the local it borrows is destroyed (the object
// is declared after it). No report; the twin whose class detaches is
// thread-class-outlives-local.cpp.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <utility>

class Worker {
public:
  explicit Worker(std::function<void()> f) : func_(std::move(f)) {}
  void start() { t_ = std::jthread([this] { func_(); }); }

private:
  std::function<void()> func_;
  std::jthread t_;
};

void record(int);

void schedule() {
  int request = 5;
  Worker w([&] { record(request); });
  w.start();
}

#ifdef FEARLESS_RUN
#include <chrono>
volatile int seen;
void record(int r) {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  seen = r;
}
int main() {
  schedule();
  return 0;
}
#endif
