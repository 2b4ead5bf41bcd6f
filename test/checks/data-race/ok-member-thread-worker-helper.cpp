// A public member function that only the worker calls is part of the
// thread, not a second thread beside it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

struct Pump {
  void start() {
    worker_ = std::thread([this] {
      while (!stop_)
        step();
    });
  }
  void step() { ++pumped_; }
  void stop() {
    stop_ = true;
    worker_.join();
  }
  long pumped_ = 0;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Pump p; p.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); p.stop(); return p.pumped_ < 0;
}
#endif
