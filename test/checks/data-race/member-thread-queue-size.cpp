// The worker pushes under the lock; pending() reads the queue's size without
// it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

class Collector {
public:
  void start() { worker_ = std::thread([this] { run(); }); } // expected-note {{reached through this call}} expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  unsigned long pending() const { return items_.size(); } // expected-note {{the other read is here}} expected-note {{'pending' is a public member function: it may be called while the thread runs}}
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    for (int i = 0; !stop_; ++i) {
      std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
      items_.push_back(i); // expected-warning {{data race on 'items_'}} expected-note {{help: hold 'm_' at the other access too}}
    }
  }
  std::mutex m_;
  std::vector<int> items_;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Collector c; c.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); unsigned long n = 0; for (int i = 0; i < 2000000; ++i) n += c.pending(); c.stop(); return n == 7;
}
#endif
