// The twin of ok-this-capture-disjoint-fields.cpp: the spawner also uses the
// non-Sync member while the thread runs, so both sides write its mutable
// state at once.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <memory>
#include <thread>

struct Iterator {
  mutable int position = 0; // expected-note {{'Iterator' is not Sync because its mutable field 'position'}}
  bool valid() const { return ++position < 1000; }
  void seekToFirst() { position = 0; }
};

class Fixture {
protected:
  std::unique_ptr<Iterator> iter_ = std::make_unique<Iterator>(); // expected-note {{'Fixture' is not Sync because its field 'iter_'}} expected-note {{is Sync only when 'Iterator' is}}
  std::atomic<bool> shuttingDown_{false};

public:
  void shuttingDownInFilter() {
    std::thread compaction([&] { // expected-note {{spawned here}}
      while (iter_->valid() && !shuttingDown_.load()) { // expected-warning {{'this' is shared with another thread, but 'Fixture' is not Sync}}
      }
    });
    shuttingDown_.store(true);
    while (iter_->valid()) { // expected-note {{*this is also used here while the thread may still run}}
    }
    compaction.join();
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 100; ++i)
    Fixture().shuttingDownInFilter();
}
#endif
