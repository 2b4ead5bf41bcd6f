// The same std::mutex locked twice in a row by one thread (an unlock()
// forgotten in between): the second lock() never returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: hang
#include <mutex>

std::mutex m;
int total;

void add_twice(int v) {
  m.lock(); // expected-note {{'m' is locked here, and still held}}
  total += v;
  m.lock(); // expected-warning {{'m' is locked again while this thread holds it, which deadlocks [fearless-deadlock]}} expected-note {{help: 'm' is not recursive: do not lock it again (split out a helper that expects it held), or make it a std::recursive_mutex}}
  total += v;
  m.unlock();
}

#ifdef FEARLESS_RUN
int main() { add_twice(1); }
#endif
