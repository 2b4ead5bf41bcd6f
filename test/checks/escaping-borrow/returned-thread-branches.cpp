// A helper with several return statements: the second thread it may return
// captures one of its locals by reference, and outlives it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void tick(int *n) { ++*n; }

std::thread startWorker(int *shared, bool own) {
  if (!own)
    return std::thread(tick, shared);
  int limit = 10;
  return std::thread([&limit] { (void)limit; }); // expected-warning {{thread may outlive 'limit'}} expected-note {{'limit' is captured by reference here}} expected-note {{the thread's handle is returned here}} expected-note {{'limit' is destroyed here}} expected-note {{capture 'limit' by copy}}
}
