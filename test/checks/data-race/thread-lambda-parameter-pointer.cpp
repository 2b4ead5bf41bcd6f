// A thread whose lambda takes a pointer parameter, started with the
// address of a local (`std::thread([](int *p) { ++*p; }, &x)`): the lambda
// writes x through its parameter while the spawning function writes it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
int run() {
  int x = 0;
  std::thread t([](int *p) { ++*p; }, &x); // expected-warning {{data race on 'x': this write can run at the same time as a write in another thread}} expected-note {{the thread is spawned here}} expected-note {{help: make 'x' a std::atomic<int>}}
  x = 5; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return x;
}

#ifdef FEARLESS_RUN
int main() { return run() > 0 ? 0 : 1; }
#endif
