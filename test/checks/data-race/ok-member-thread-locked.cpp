// Every member function touching the handler and the queue holds the class
// mutex, and the worker calls a copy of the handler taken under it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class Dispatcher {
public:
  void start() { worker_ = std::thread([this] { run(); }); }
  void setHandler(std::function<void(int)> h) {
    std::lock_guard<std::mutex> g(m_);
    handler_ = h;
  }
  unsigned long pending() {
    std::lock_guard<std::mutex> g(m_);
    return items_.size();
  }
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    for (int i = 0; !stop_; ++i) {
      std::function<void(int)> h;
      {
        std::lock_guard<std::mutex> g(m_);
        h = handler_;
        items_.push_back(i);
      }
      if (h)
        h(i);
    }
  }
  std::mutex m_;
  std::function<void(int)> handler_;
  std::vector<int> items_;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Dispatcher d; d.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); unsigned long n = 0; for (int i = 0; i < 100000; ++i) { d.setHandler([](int){}); n += d.pending(); } d.stop(); return n == 7;
}
#endif
