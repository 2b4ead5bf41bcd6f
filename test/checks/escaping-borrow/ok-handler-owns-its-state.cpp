// The callback stored for the worker thread owns what it uses (a copy and
// a shared_ptr): nothing it borrows can die before it runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
void pause_ms(int);

class Ticker {
public:
  Ticker() : worker_([this] { loop(); }) {}
  ~Ticker() {
    stop_ = true;
    worker_.join();
  }
  void on_tick(std::function<void(int)> cb) {
    std::lock_guard<std::mutex> g(m_);
    callback_ = std::move(cb);
  }

private:
  void loop() {
    for (int i = 0; !stop_; ++i) {
      std::function<void(int)> cb;
      {
        std::lock_guard<std::mutex> g(m_);
        cb = callback_;
      }
      if (cb)
        cb(i);
      pause_ms(1);
    }
  }
  std::mutex m_;
  std::function<void(int)> callback_;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

void watch(Ticker &t) {
  auto ticks = std::make_shared<std::atomic<int>>(0);
  int step = 1;
  t.on_tick([ticks, step](int) { *ticks += step; });
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  Ticker t;
  watch(t);
  pause_ms(50);
}
#endif
