// A public getter of what the worker writes is called only after stop()
// has joined the thread, on the same local object, on every path.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

class Summer {
public:
  void start() { worker_ = std::thread(&Summer::run, this); }
  void stop() {
    if (worker_.joinable())
      worker_.join();
  }
  long sum() const { return sum_; }

private:
  void run() {
    for (int i = 0; i < 1000; ++i)
      sum_ += i;
  }
  long sum_ = 0;
  std::thread worker_;
};

long total() {
  Summer s;
  s.start();
  s.stop();
  return s.sum();
}

#ifdef FEARLESS_RUN
int main() { return total() != 499500; }
#endif
