// The twin of ok-member-thread-exclusive-configuration.cpp whose
// configuration is not const: reconfigure() can turn the pipeline off while
// the worker runs, and insert() then calls insertImpl() itself, beside it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

struct Config {
  bool pipeline = true;
};

class Cache {
public:
  explicit Cache(Config c) : opt_(c) {}
  void start() {
    if (opt_.pipeline)
      worker_ = std::thread(&Cache::run, this); // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  }
  void insert(int v) { // expected-note {{'insert' is a public member function: it may be called while the thread runs}}
    if (opt_.pipeline) {
      std::lock_guard<std::mutex> g(qm_);
      queue_.push_back(v);
      return;
    }
    insertImpl(v); // expected-note {{reached through this call}}
  }
  void reconfigure(Config c) { opt_ = c; }
  void stop() {
    stop_ = true;
    if (worker_.joinable())
      worker_.join();
  }

private:
  void run() {
    while (!stop_) {
      std::vector<int> batch;
      {
        std::lock_guard<std::mutex> g(qm_);
        batch.swap(queue_);
      }
      for (int v : batch)
        insertImpl(v);
      insertImpl(0); // expected-note {{reached through this call}}
    }
  }
  void insertImpl(int v) {
    if (file_ == 0) // expected-note {{the other read is here}}
      v += 1;
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
    file_ = v; // expected-warning {{data race on 'file_'}} expected-note {{help: hold 'm_' at the other access too}}
  }
  Config opt_;
  std::mutex qm_, m_;
  std::vector<int> queue_;
  int file_ = 0;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
int main() {
  {
    Cache c(Config{true});
    c.start();
    c.reconfigure(Config{false});
    for (int i = 0; i < 100000; ++i)
      c.insert(i);
    c.stop();
  }
}
#endif
