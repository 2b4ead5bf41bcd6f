// The spawner takes the opposite order only after joining the thread: the
// two orders never run at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// ThreadSanitizer's lock-order detector flags this (it ignores joins); the
// program finishes.
// CONFIRM: hang
#include <mutex>
#include <thread>

std::mutex a_mu, b_mu;
int a, b;

void run() {
  std::thread t([] {
    std::lock_guard<std::mutex> la(a_mu);
    std::lock_guard<std::mutex> lb(b_mu);
    ++a, ++b;
  });
  t.join();
  std::lock_guard<std::mutex> lb(b_mu);
  std::lock_guard<std::mutex> la(a_mu);
  --a, --b;
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
