// The stop flag and the counter a getter reads are atomics: no race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

class Poller {
public:
  void start() { worker_ = std::thread(&Poller::run, this); }
  void stop() {
    running_ = false;
    if (worker_.joinable())
      worker_.join();
  }
  long polls() const { return polls_.load(); }
  ~Poller() { stop(); }

private:
  void run() {
    while (running_)
      polls_.fetch_add(1);
  }
  std::atomic<bool> running_{true};
  std::atomic<long> polls_{0};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Poller p; p.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); long n = 0; for (int i = 0; i < 100000; ++i) n += p.polls(); p.stop(); return n < 0;
}
#endif
