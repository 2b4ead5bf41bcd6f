// issue 13: rocksdb (utilities/backup/backup_engine_test.cc, a test fixture
// thread capturing this): a thread sharing *this needs only the fields it
// reaches to be Sync; a pointer field to a non-Sync object that neither the
// body nor the members it calls touch does not count.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>

struct Sequence {
  mutable long last = 0;
  long next() const { return ++last; } // not thread-safe; no thread calls it
};

struct Store {
  std::atomic<int> flushes{0};
  void flush() { flushes.fetch_add(1); }
};

class Fixture {
  Sequence *sequence_ = nullptr; // used by other tests only
  Store *store_ = nullptr;

  void flushStore() { store_->flush(); }

public:
  explicit Fixture(Store *s) : store_(s) {}
  void run() {
    std::thread flusher([this] { flushStore(); });
    store_->flush();
    flusher.join();
  }
};
