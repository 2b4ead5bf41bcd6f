// An early return skips the join: ~thread() calls std::terminate.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void warmCache();
bool loadConfig();

int serve() {
  std::thread warmer(warmCache); // expected-note {{the thread is started here}}
  if (!loadConfig())
    return 1; // expected-warning {{'warmer' is destroyed while still joinable, which calls std::terminate [fearless-unjoined-thread]}}
  warmer.join(); // expected-note {{'warmer' is joined here, but this path does not reach it}}
  return 0;
}
