// issue 13: rocksdb (utilities/backup/backup_engine_test.cc:3544, a test
// fixture's reader threads, each starting a verifier thread with [this]):
// the threads reach only Sync members, directly and through the nested
// thread's body; the fixture's non-Sync member is touched by nobody while
// they run. The nested lambda's capture of `this` names no part of *this:
// what the nested thread touches is what its body names.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

struct Cache {
  mutable int hits = 0;                 // written through const: not Sync
  int get() const { return ++hits; }
};

class Fixture {
protected:
  std::atomic<int> opened_{0};
  int maxFactor_ = 3;
  Cache *cache_ = new Cache;            // never touched by the threads

  void verify(int factor) { opened_.fetch_add(factor); }

public:
  ~Fixture() { delete cache_; }
  void concurrency() {
    std::vector<std::thread> readers(4), verifiers(4);
    for (unsigned i = 0; i < readers.size(); ++i)
      readers[i] = std::thread([this, i, &verifiers] {
        opened_.fetch_add(1);
        verifiers[i] = std::thread([this, i] { verify(maxFactor_ + i); });
      });
    for (auto &t : readers)
      t.join();
    for (auto &t : verifiers)
      t.join();
    cache_->get();
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i)
    Fixture().concurrency();
}
#endif
