// A worker thread that exists only in one configuration, and a member
// function that touches what the worker touches only in the other (rocksdb's
// BlockCacheTier: `if (opt_.pipeline_writes)` starts the insert thread, and
// Insert() hands the write to that thread under the same test, calling
// InsertImpl() itself only when it fails). `opt_` is a const member: its
// fields cannot change after construction, so both never run on one object.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
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
      worker_ = std::thread(&Cache::run, this);
  }
  void insert(int v) {
    if (opt_.pipeline) {
      std::lock_guard<std::mutex> g(qm_);
      queue_.push_back(v);
      return;
    }
    insertImpl(v);
  }
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
      insertImpl(0); // a tick after every batch
    }
  }
  void insertImpl(int v) {
    if (file_ == 0) // unlocked read
      v += 1;
    std::lock_guard<std::mutex> g(m_);
    file_ = v;
  }
  const Config opt_;
  std::mutex qm_, m_;
  std::vector<int> queue_;
  int file_ = 0;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
int main() {
  for (bool pipeline : {true, false}) {
    Cache c(Config{pipeline});
    c.start();
    for (int i = 0; i < 100000; ++i)
      c.insert(i);
    c.stop();
  }
}
#endif
