// The twin of returned-thread-branches.cpp: every thread the helper may
// return owns a copy of what it uses.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

void tick(int *n) { ++*n; }

std::thread startWorker(int *shared, bool own) {
  if (!own)
    return std::thread(tick, shared);
  int limit = 10;
  return std::thread([limit] { (void)limit; });
}
