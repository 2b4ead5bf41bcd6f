// issue 13: rocksdb (db/compaction/compaction_iterator_test.cc:555, 592, a
// test fixture's thread capturing [&]): the thread uses a non-Sync member
// (the iterator) alone, and until the join the spawner touches only an
// atomic member. Like a Rust closure borrowing one field: a part only one
// side touches is borrowed exclusively (needs Send, not Sync); only the
// parts both sides may use while the thread runs must be Sync.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <memory>
#include <thread>

struct Iterator {
  mutable int position = 0;             // written through const: not Sync
  bool valid() const { return ++position < 3; }
  void seekToFirst() { position = 0; }
};

class Fixture {
protected:
  std::unique_ptr<Iterator> iter_ = std::make_unique<Iterator>();
  std::atomic<bool> shuttingDown_{false};

public:
  void shuttingDownInFilter() {
    std::atomic<bool> seekDone{false};
    std::thread compaction([&] {
      iter_->seekToFirst();             // only the thread touches iter_
      while (iter_->valid() && !shuttingDown_.load()) {
      }
      seekDone.store(true);
    });
    shuttingDown_.store(true);          // both touch only the atomic
    compaction.join();
    iter_->valid();                     // after the join: no longer shared
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 100; ++i)
    Fixture().shuttingDownInFilter();
}
#endif
