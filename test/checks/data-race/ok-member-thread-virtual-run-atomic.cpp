// A base class starts a thread that calls a virtual run(); the derived
// class's override bumps an atomic counter that its public getter reads:
// no race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <atomic>
#include <thread>

class Thread {
public:
  virtual ~Thread() = default;
  void start() {
    worker_ = std::thread([this] { run(); });
  }
  void stop() {
    done_ = true;
    if (worker_.joinable())
      worker_.join();
  }

protected:
  virtual void run() = 0;
  std::atomic<bool> done_{false};

private:
  std::thread worker_;
};

class Worker : public Thread {
public:
  ~Worker() override { stop(); }
  long processed() const { return processed_; }

protected:
  void run() override {
    while (!done_)
      ++processed_;
  }

private:
  std::atomic<long> processed_{0};
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Worker w; w.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); long n = 0; for (int i = 0; i < 300000; ++i) n += w.processed(); w.stop(); return n < 0;
}
#endif
