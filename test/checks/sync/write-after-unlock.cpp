// A mutable field written after the class's mutex is unlocked again is not
// protected: the class is not Sync.
// RUN: %fearless -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-sync
#include <mutex>
#include <thread>
class Counter {
  mutable std::mutex m;
  mutable int hits = 0; // expected-note {{'Counter' is not Sync because its mutable field 'hits' can be written through a const reference without synchronization}}

public:
  int bump() const {
    m.lock();
    int before = hits;
    m.unlock();
    hits = before + 1; // outside the lock
    return before;
  }
};
void share(const Counter &counter) {
  std::thread a([&counter] { counter.bump(); }); // expected-note {{'counter' is also shared with this thread, which may run at the same time}}
  std::thread b([&counter] { counter.bump(); }); // expected-warning {{'counter' is shared with another thread, but its type 'Counter' is not Sync}} expected-note {{the thread is spawned here}}
  a.join();
  b.join();
}
