// issue 13: rocksdb (db/compaction/compaction_job.cc:629): the threads call
// a virtual member on *this. What they reach is what the member's
// definition and every overrider the translation unit defines reach: here
// the atomic counter and the name, never the non-Sync cache, which only the
// spawner uses after the join.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <string>
#include <thread>
#include <vector>

struct Cache {
  mutable int hits = 0;                 // written through const: not Sync
  int get() const { return ++hits; }
};

class Job {
protected:
  std::atomic<int> opened_{0};
  std::string name_ = "job";
  Cache cache_;

  virtual int open(int file) { return opened_.fetch_add(file); }

public:
  virtual ~Job() = default;
  void run() {
    std::vector<std::thread> pool;
    for (int i = 1; i < 4; ++i)
      pool.emplace_back([this, i] { open(i); });
    for (auto &t : pool)
      t.join();
    cache_.get();
  }
};

class RemoteJob : public Job {
  int open(int file) override {
    return opened_.fetch_add(file + static_cast<int>(name_.size()));
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i) {
    Job().run();
    RemoteJob().run();
  }
}
#endif
