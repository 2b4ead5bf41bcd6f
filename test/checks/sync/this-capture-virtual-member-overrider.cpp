// The twin of ok-this-capture-virtual-member.cpp: the base's definition of
// the virtual member touches only the atomic, but the derived class's
// overrider reads through the non-Sync cache, so on a RemoteJob every
// thread writes its mutable state at once. The overriders count too.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <string>
#include <thread>
#include <vector>

struct Cache {
  mutable int hits = 0; // expected-note {{'Cache' is not Sync because its mutable field 'hits'}}
  int get() const { return ++hits; }
};

class Job {
protected:
  std::atomic<int> opened_{0};
  Cache cache_; // expected-note {{'Job' is not Sync because its field 'cache_'}}

  virtual int open(int file) { return opened_.fetch_add(file); }

public:
  virtual ~Job() = default;
  void run() {
    std::vector<std::thread> pool;
    for (int i = 1; i < 4; ++i)
      pool.emplace_back([this, i] { open(i); }); // expected-warning {{'this' is shared with another thread, but 'Job' is not Sync}} expected-note {{several threads run this code at the same time}} expected-note {{spawned here}}
    for (auto &t : pool)
      t.join();
  }
};

class RemoteJob : public Job {
  int open(int file) override { return opened_.fetch_add(file + cache_.get()); }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i)
    RemoteJob().run();
}
#endif
