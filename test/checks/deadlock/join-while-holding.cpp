// The spawner joins the worker while holding results_mu, which the worker
// needs to publish its result before it can finish.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock 2>&1 | FileCheck %s
// CHECK: warning: waiting for a thread while holding 'results_mu', which the thread locks{{.*}}[fearless-deadlock]
// CONFIRM: hang
#include <mutex>
#include <thread>
#include <vector>

std::mutex results_mu;
std::vector<int> results;

void publish(int v) {
  std::lock_guard<std::mutex> g(results_mu); // expected-note {{the thread locks 'results_mu' here}}
  results.push_back(v);
}

int run() {
  std::thread worker([] { // expected-note {{the thread is spawned here}}
    long sum = 0;
    for (long i = 0; i < 100000000; ++i) // some work before publishing
      sum = sum + i % 7;
    publish(int(sum % 42)); // expected-note {{reached through this call}}
  });
  std::lock_guard<std::mutex> g(results_mu); // expected-note {{'results_mu' is locked here, and still held}}
  worker.join(); // expected-warning {{waiting for a thread while holding 'results_mu', which the thread locks: if it is waiting for 'results_mu', neither finishes [fearless-deadlock]}} expected-note {{help: release 'results_mu' before waiting for the thread}}
  return results.empty() ? 0 : results.back();
}

#ifdef FEARLESS_RUN
int main() { return run(); }
#endif
