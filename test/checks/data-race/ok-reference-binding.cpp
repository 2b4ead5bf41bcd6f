// Binding a reference is not an access of the object: `auto &x = obj`, a
// reference member of an aggregate, the range of a range-for. The accesses
// are the later ones through the reference (issue 13: found in a lock-free
// scheduler whose workers bind `auto &w = executor` next to atomic updates).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

struct Executor {
  std::atomic<int> pending{0};
  int configured = 0;
};

void bindLocalReference() {
  Executor e;
  std::thread t([&] {
    auto &x = e; // binds, reads nothing
    x.pending++;
  });
  auto &y = e;
  y.pending.store(3);
  t.join();
}

struct Handle {
  Executor &ex;
  int id;
};

void bindReferenceMember() {
  Executor e;
  std::thread t([&] {
    Handle h{e, 1};
    h.ex.pending.fetch_add(1);
  });
  Handle h2{e, 2};
  h2.ex.pending.fetch_add(1);
  t.join();
}

void bindConstReference() {
  Executor e;
  std::thread t([&] {
    const Executor &c = e;
    (void)c.pending.load();
  });
  e.pending.store(1);
  t.join();
}
