// issue 13: rocksdb (db/compaction/compaction_job.cc:724, verification
// threads started in a loop, each running the same lambda capturing [&]):
// the threads reach `compact_->compaction`, a Sync part of the state that
// compact_ points to, never its non-Sync part (the per-thread states). A
// field used only to reach another (`this->a->b`) needs only that one to
// be Sync, recursively.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

struct Compaction {
  int level = 1;
  int outputLevel() const { return level; }
};

struct Output {
  mutable int cursor = 0;               // written through const: not Sync
  int next() const { return cursor++; }
};

struct CompactionState {
  Compaction *compaction = nullptr;
  std::vector<Output> outputs;          // not Sync; no thread touches it
};

class Job {
  CompactionState *compact_;

public:
  explicit Job(CompactionState *c) : compact_(c) {}
  void verify(int n) {
    std::atomic<int> total{0};
    auto body = [&] { total.fetch_add(compact_->compaction->outputLevel()); };
    std::vector<std::thread> pool;
    for (int i = 0; i < n; ++i)
      pool.emplace_back(body);
    for (auto &t : pool)
      t.join();
  }
};

#ifdef FEARLESS_RUN
int main() {
  Compaction c;
  CompactionState s{&c, std::vector<Output>(4)};
  Job(&s).verify(4);
}
#endif
