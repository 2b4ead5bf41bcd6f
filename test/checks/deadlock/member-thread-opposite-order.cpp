// The constructor starts a worker that takes queue_mu_ then log_mu_; the
// public flush() takes log_mu_ then queue_mu_, and may be called while the
// worker runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: hang
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

class Logger {
public:
  Logger() : worker_([this] { loop(); }) {} // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when the constructor returns}} expected-note {{reached through this call}}
  ~Logger() {
    stop_ = true;
    worker_.join();
  }
  void flush() { // expected-note {{'flush' is a public member function: it may be called while the thread runs}}
    std::lock_guard<std::mutex> l(log_mu_); // expected-note {{'log_mu_' is locked here, and still held}}
    std::lock_guard<std::mutex> q(queue_mu_); // expected-warning {{lock order inversion: 'queue_mu_' is locked while 'log_mu_' is held, and another thread may lock them in the opposite order}} expected-note {{help: take 'log_mu_' and 'queue_mu_' in the same order everywhere, or both at once with std::scoped_lock}}
    for (int v : queue_)
      log_.push_back(v);
    queue_.clear();
  }

private:
  void loop() {
    while (!stop_) {
      std::lock_guard<std::mutex> q(queue_mu_); // expected-note {{'queue_mu_' is locked here, and still held}}
      queue_.push_back(1);
      std::lock_guard<std::mutex> l(log_mu_); // expected-note {{the other thread locks 'log_mu_' here while holding 'queue_mu_'}}
      log_.push_back(0);
    }
  }
  std::mutex queue_mu_, log_mu_;
  std::vector<int> queue_, log_;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
// flush() against the running worker, many times: the two threads end up
// each holding one lock and waiting for the other's (the program hangs).
int main() {
  Logger l;
  for (int i = 0; i < 200000; ++i)
    l.flush();
}
#endif
