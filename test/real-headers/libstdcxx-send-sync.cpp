// Send and Sync against the real libstdc++ 12 headers.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <fearless/refcounted.h>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

struct Counter {
  std::mutex m;
  int value = 0;
};

void rcIntoThreads() {
  Rc<Counter> counter;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    Rc<Counter> c = counter;
    handles.emplace_back([c] { std::lock_guard<std::mutex> lock(c->m); ++c->value; }); // expected-warning {{'c' is sent to another thread, but its type 'Rc<Counter>' is not Send}} expected-note {{spawned here}}
  }
  for (auto &h : handles)
    h.join();
}
// expected-note@fearless/refcounted.h:16 {{copying it updates what 'block_' points to without synchronization}}

void arcIntoThreads() {
  Arc<Counter> counter;
  auto shared = std::make_shared<Counter>();
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    Arc<Counter> c = counter;
    handles.emplace_back([c, shared] {
      std::lock_guard<std::mutex> lock(c->m);
      ++c->value;
      std::lock_guard<std::mutex> lock2(shared->m);
      ++shared->value;
    });
  }
  for (auto &h : handles)
    h.join();
}

void guardIntoThread(std::mutex &m) {
  std::unique_lock<std::mutex> lock(m);
  std::jthread t([lock = std::move(lock)] {}); // expected-warning {{'lock' is sent to another thread, but its type 'std::unique_lock<std::mutex>' is not Send}} expected-note {{spawned here}} expected-note {{is a lock guard}}
}

struct Cache {
  int get(int) const;
  mutable std::map<int, std::string> memo; // expected-note {{'Cache' is not Sync because its mutable field 'memo'}}
};

void sharedCache() {
  Cache cache;
  std::jthread t([&cache] { cache.get(1); }); // expected-warning {{'cache' is shared with another thread, but its type 'Cache' is not Sync}} expected-note {{spawned here}}
  cache.get(2); // expected-note {{'cache' is also used here while the thread may still run}}
}

void plainValues() {
  std::vector<std::string> names = {"a", "b"};
  std::optional<int> maybe = 3;
  auto owned = std::make_unique<int>(4);
  std::jthread t([names, maybe, owned = std::move(owned)] { (void)names; (void)maybe; });
}
