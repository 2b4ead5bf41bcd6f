// Sharing that is fine: atomics, a mutex-guarded mutable cache, const data,
// annotated sync, assume_synchronized, and sharing without concurrent use.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <fearless/annotations.h>
#include <mutex>
#include <thread>

class AtomicCache {
  mutable std::atomic<int> hits_{0};

public:
  int get() const;
};

class LockedCache {
  mutable std::mutex m_;
  mutable int cached_ __attribute__((guarded_by(m_))) = 0;

public:
  int get() const;
};

struct ReadOnly {
  int a;
  const char *name;
};

struct FEARLESS_SYNC Blessed {
  mutable int x;
};

struct Assumed {
  mutable int counter FEARLESS_ASSUME_SYNCHRONIZED;
};

struct Memo {
  mutable int last;
};

void use(const void *);

void sharing() {
  AtomicCache a;
  LockedCache l;
  ReadOnly r{1, "x"};
  Blessed b;
  Assumed s;
  std::thread t([&] {
    use(&a);
    use(&l);
    use(&r);
    use(&b);
    use(&s);
  });
  use(&a);
  use(&l);
  use(&r);
  use(&b);
  use(&s);
  t.join();
}

void handedOverThenJoined() {
  Memo memo;
  std::thread t([&memo] { use(&memo); });
  t.join();
  use(&memo); // after the join: no concurrent use
}
