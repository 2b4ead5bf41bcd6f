// A callback handed to an unannotated setter is stored in a member that the
// object's worker thread calls; it borrows a local of the caller, which dies
// while the worker may still call it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
void pause_ms(int);

class Ticker {
public:
  Ticker() : worker_([this] { loop(); }) {} // expected-note {{the worker thread that runs the queued callables is started here}}
  ~Ticker() {
    stop_ = true;
    worker_.join();
  }
  void on_tick(std::function<void(int)> cb) {
    std::lock_guard<std::mutex> g(m_);
    callback_ = std::move(cb); // expected-note {{the callable is queued in 'callback_' here}}
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
  int ticks = 0;
  t.on_tick([&](int) { ++ticks; }); // expected-warning {{thread may outlive 'ticks'}} expected-note {{'on_tick' queues the callable for the worker threads of 't', which may still run it here}} expected-note {{captured by reference here}}
} // expected-note {{'ticks' is destroyed here}}

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
