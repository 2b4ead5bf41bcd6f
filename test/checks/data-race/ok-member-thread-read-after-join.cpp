// finish() reads the worker's result only after joining it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

class Summer {
public:
  void start() { worker_ = std::thread(&Summer::run, this); }
  long finish() {
    worker_.join();
    return sum_;
  }

private:
  void run() {
    for (int i = 0; i < 1000; ++i)
      sum_ += i;
  }
  long sum_ = 0;
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Summer s; s.start(); return s.finish() != 499500;
}
#endif
