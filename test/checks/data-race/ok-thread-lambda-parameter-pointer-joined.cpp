// The twin of thread-lambda-parameter-pointer.cpp: the spawning function
// writes x only after the join.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
int run() {
  int x = 0;
  std::thread t([](int *p) { ++*p; }, &x);
  t.join();
  x += 5;
  return x;
}

#ifdef FEARLESS_RUN
int main() { return run() == 6 ? 0 : 1; }
#endif
