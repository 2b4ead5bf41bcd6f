// A thread capturing this whose body reaches a non-Sync object through a
// field, while the spawner uses it too (the twin of
// ok-this-capture-unused-field.cpp): the field it reaches is named.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <thread>

struct Sequence {
  mutable long last = 0; // expected-note {{'Sequence' is not Sync because its mutable field 'last'}}
  long next() const { return ++last; }
};

struct Store {
  std::atomic<int> flushes{0};
  void flush() { flushes.fetch_add(1); }
};

class Fixture {
  Sequence *sequence_ = nullptr; // expected-note {{'Fixture' is not Sync because its field 'sequence_' has type 'Sequence *'}} expected-note {{'Sequence *' is Sync only when 'Sequence' is Sync}}
  Store *store_ = nullptr;

  void stamp() { sequence_->next(); }

public:
  Fixture(Sequence *q, Store *s) : sequence_(q), store_(s) {}
  void run() {
    std::thread flusher([this] { // expected-warning {{'this' is shared with another thread, but 'Fixture' is not Sync}} expected-note {{spawned here}}
      store_->flush();
      stamp();
    });
    stamp(); // expected-note {{*this is also used here while the thread may still run}}
    flusher.join();
  }
};
