// A class with an unsynchronized mutable cache, shared by reference while
// the spawner uses it too.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-sync
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
