// setPriority() writes what the worker reads, and nothing in this
// translation unit calls it: a plain setter (no lock, no atomic, no join)
// of the worker's configuration is taken as called before start(), as its
// callers in other TUs do (zeromq's thread_t::setSchedulingParameters).
// member-thread-configured-after-start.cpp is the twin whose call after
// start() is in sight; member-thread-setter-locked.cpp locks, so it is
// meant to run beside the worker.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

void apply(int priority, int policy);

class Worker {
public:
  void setPriority(int priority, int policy) {
    priority_ = priority;
    policy_ = policy;
  }
  void start() { thread_ = std::thread(&Worker::run, this); }
  void stop() {
    stop_ = true;
    thread_.join();
  }

private:
  void run() {
    apply(priority_, policy_);
    while (!stop_) {
    }
  }
  std::atomic<bool> stop_{false};
  std::thread thread_;
  int priority_ = 0;
  int policy_ = 0;
};
