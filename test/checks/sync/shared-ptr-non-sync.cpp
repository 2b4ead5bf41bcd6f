// std::shared_ptr copies share one object between threads (Rust's Arc<T>
// needs T: Sync).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <memory>
#include <thread>

class Cache {
  mutable int hits_ = 0; // expected-note {{'Cache' is not Sync because its mutable field 'hits_'}}

public:
  int lookup(int) const;
};

void start(std::shared_ptr<Cache> cache) {
  std::thread t([cache] { cache->lookup(1); }); // expected-warning {{copying 'std::shared_ptr<Cache>' into another thread shares its 'Cache', but 'Cache' is not Sync}} expected-note {{every copy of a std::shared_ptr reaches the same 'Cache'}} expected-note {{spawned here}}
  t.detach();
}
