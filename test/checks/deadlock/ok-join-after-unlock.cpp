// The spawner releases results_mu before joining the worker that needs it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
// CONFIRM: hang
#include <mutex>
#include <thread>
#include <vector>

std::mutex results_mu;
std::vector<int> results;

void publish(int v) {
  std::lock_guard<std::mutex> g(results_mu);
  results.push_back(v);
}

int run() {
  std::thread worker([] { publish(42); });
  {
    std::lock_guard<std::mutex> g(results_mu);
    results.reserve(8);
  }
  worker.join();
  std::lock_guard<std::mutex> g(results_mu);
  return results.empty() ? 0 : results.back();
}

#ifdef FEARLESS_RUN
int main() { return run(); }
#endif
