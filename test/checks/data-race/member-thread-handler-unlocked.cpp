// The handler is replaced under the lock but the worker calls it without
// the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

class Dispatcher {
public:
  void start() { worker_ = std::thread([this] { run(); }); } // expected-note {{reached through this call}} expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void setHandler(std::function<void(int)> h) { // expected-note {{'setHandler' is a public member function: it may be called while the thread runs}}
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
    handler_ = h; // expected-warning {{data race on 'handler_'}} expected-note {{help: hold 'm_' at the other access too}}
  }
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    for (int i = 0; !stop_; ++i)
      if (handler_)
        handler_(i); // expected-note {{the other read is here}}
  }
  std::mutex m_;
  std::function<void(int)> handler_;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Dispatcher d; d.start(); for (int i = 0; i < 100000; ++i) d.setHandler([](int){}); d.stop();
}
#endif
