// A base class starts a thread that calls a virtual run(); a derived class
// overrides it to bump a counter that its public getter reads while the
// thread runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <atomic>
#include <thread>

class Thread {
public:
  virtual ~Thread() = default;
  void start() {
    worker_ = std::thread([this] { run(); }); // expected-note {{reached through this call}} expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
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
  long processed() const { return processed_; } // expected-note {{the other read is here}} expected-note {{'processed' is a public member function: it may be called while the thread runs}}

protected:
  void run() override {
    while (!done_)
      ++processed_; // expected-warning {{data race on 'processed_'}} expected-note {{help: make 'processed_' a std::atomic<long>}}
  }

private:
  long processed_ = 0;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Worker w; w.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); long n = 0; for (int i = 0; i < 300000; ++i) n += w.processed(); w.stop(); return n < 0;
}
#endif
