// A vector of threads destroyed on a path that skips the joins.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

void step(int);
bool abortEarly();

void pool() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back(step, i); // expected-note {{the thread is started here}}
  if (abortEarly())
    return; // expected-warning {{threads in 'workers' are destroyed while still joinable}}
  for (auto &w : workers)
    w.join(); // expected-note {{'workers' is joined here, but this path does not reach it}}
}
