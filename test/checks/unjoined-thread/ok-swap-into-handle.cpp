// std::thread(f).swap(t) hands the new thread to t and leaves the temporary
// empty: destroying the temporary is fine, t owns the thread (issue 13: the
// idiom of real worker classes that restart their thread).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

class Worker {
  std::thread t_;
  std::atomic<bool> stop_{false};

public:
  void start() {
    std::thread([this] {
      while (!stop_.load()) {
      }
    }).swap(t_);
  }
  void stop() {
    stop_ = true;
    if (t_.joinable())
      t_.join();
  }
};

void swapIntoLocal() {
  std::thread t;
  std::thread([] {}).swap(t);
  t.join();
}
