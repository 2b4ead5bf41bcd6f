// The twin of ok-this-pointer-field-other-part.cpp: the threads started in a
// loop reach the non-Sync part of the state compact_ points to, so every
// copy of the body writes the same mutable cursor.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

struct Compaction {
  int level = 1;
};

struct Output {
  mutable int cursor = 0; // expected-note {{'Output' is not Sync because its mutable field 'cursor'}}
  int next() const { return cursor++; }
};

struct CompactionState {
  Compaction *compaction = nullptr;
  std::vector<Output> outputs; // expected-note {{'CompactionState' is not Sync because its field 'outputs'}} expected-note {{is Sync only when 'Output' is}}
};

class Job {
  CompactionState *compact_;

public:
  explicit Job(CompactionState *c) : compact_(c) {}
  void verify(int n) {
    auto body = [&] { for (int k = 0; k < 1000; ++k) compact_->outputs[0].next(); }; // expected-warning {{'this' is shared with another thread, but 'Job' is not Sync}}
    std::vector<std::thread> pool;
    for (int i = 0; i < n; ++i)
      pool.emplace_back(body); // expected-note {{spawned here}} expected-note {{several threads run this code at the same time}}
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
