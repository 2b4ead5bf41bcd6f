// The twin of ok-this-capture-nested-thread.cpp: the nested thread's body
// calls a const member of the non-Sync member, so every verifier thread
// writes its mutable state at once. Looking into the nested lambda must
// find the part it reaches.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <thread>
#include <vector>

struct Cache {
  mutable int hits = 0; // expected-note 2 {{'Cache' is not Sync because its mutable field 'hits'}}
  int get() const { return ++hits; }
};

class Fixture {
protected:
  std::atomic<int> opened_{0};
  int maxFactor_ = 3;
  Cache *cache_ = new Cache; // expected-note 2 {{'Fixture' is not Sync because its field 'cache_'}} expected-note 2 {{is Sync only when 'Cache' is}}

  void verify(int factor) { opened_.fetch_add(factor + cache_->get()); }

public:
  ~Fixture() { delete cache_; }
  void concurrency() {
    std::vector<std::thread> readers(4), verifiers(4);
    for (unsigned i = 0; i < readers.size(); ++i)
      readers[i] = std::thread([this, i, &verifiers] { // expected-warning {{'this' is shared with another thread, but 'Fixture' is not Sync}} expected-note {{several threads run this code at the same time}} expected-note {{spawned here}}
        opened_.fetch_add(1);
        // The nested thread outlives the reader's body, which shares *this too.
        verifiers[i] = std::thread([this, i] { verify(maxFactor_ + i); }); // expected-warning {{'this' is shared with another thread, but 'Fixture' is not Sync}} expected-note {{spawned here}}
        // expected-note@+1 {{the thread may still run when the function returns, while the caller can use *this}}
      });
    for (auto &t : readers)
      t.join();
    for (auto &t : verifiers)
      t.join();
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i)
    Fixture().concurrency();
}
#endif
