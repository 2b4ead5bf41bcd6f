// The race on a mutable cache is reported by fearless-data-race when
// fearless-sync, which reports it as the sharing of its object, is off (the
// twin: sync/mutable-cache-one-report.cpp).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=-*,fearless-data-race
#include <thread>

class Config {
public:
  int get() const {
    if (!cached_)
      cached_ = load(); // expected-warning {{data race on 'config.cached_': this write can run at the same time as a read in another thread [fearless-data-race]}} expected-note {{help: make 'config.cached_' a std::atomic<int>}}
    return cached_; // expected-note {{the other read is here}}
  }

private:
  int load() const;
  mutable int cached_ = 0;
};

void use(int);

void readTwice() {
  Config config;
  std::thread t([&config] { use(config.get()); }); // expected-note {{reached through this call}} expected-note {{the thread is spawned here}}
  use(config.get()); // expected-note {{reached through this call}}
  t.join(); // expected-note {{the spawning function joins it only here}}
}
