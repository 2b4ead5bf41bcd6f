// The setter writes under the class mutex; the worker reads without it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <mutex>
#include <thread>

class Sampler {
public:
  void start() { worker_ = std::thread(&Sampler::run, this); } // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void setRate(int r) { // expected-note {{'setRate' is a public member function: it may be called while the thread runs}}
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
    rate_ = r; // expected-warning {{data race on 'rate_'}} expected-note {{help: hold 'm_' at the other access too}}
  }
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    long total = 0;
    while (!stop_)
      total += rate_; // expected-note {{the other read is here}}
    (void)total;
  }
  std::mutex m_;
  int rate_ = 1;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Sampler s; s.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); for (int i = 0; i < 300000; ++i) s.setRate(i); s.stop();
}
#endif
