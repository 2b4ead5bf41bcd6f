// std::thread(&C::f, this) in a loop, where f reaches a non-Sync object
// through a field (the twin of ok-this-member-thread-unused-field.cpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-sync
#include <thread>
#include <vector>

struct Sequence {
  mutable long last = 0; // expected-note {{'Sequence' is not Sync because its mutable field 'last'}}
  long next() const { return ++last; }
};

class Workers {
  Sequence *sequence_ = nullptr; // expected-note {{'Workers' is not Sync because its field 'sequence_' has type 'Sequence *'}} expected-note {{'Sequence *' is Sync only when 'Sequence' is Sync}}

  void work() { sequence_->next(); }

public:
  explicit Workers(Sequence *q) : sequence_(q) {}
  void runAll() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 4; ++i)
      pool.emplace_back(&Workers::work, this); // expected-warning {{an object of type 'Workers' is shared with another thread, but it is not Sync}} expected-note {{several threads run this code at the same time}} expected-note {{spawned here}}
    for (auto &t : pool)
      t.join();
  }
};
