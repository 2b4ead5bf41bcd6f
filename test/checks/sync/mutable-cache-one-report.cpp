// A mutable cache written through a shared const object is one bug: the
// sharing of a non-Sync object (fearless-sync), not also a data race on the
// field (the twin with fearless-sync off: data-race/mutable-cache-sync-off.cpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

class Config {
public:
  int get() const {
    if (!cached_)
      cached_ = load();
    return cached_;
  }

private:
  int load() const;
  mutable int cached_ = 0; // expected-note {{'Config' is not Sync because its mutable field 'cached_' can be written through a const reference without synchronization}}
};

void use(int);

void readTwice() {
  Config config;
  std::thread t([&config] { use(config.get()); }); // expected-warning {{'config' is shared with another thread, but its type 'Config' is not Sync [fearless-sync]}} expected-note {{the thread is spawned here}}
  use(config.get()); // expected-note {{'config' is also used here while the thread may still run}}
  t.join();
}
