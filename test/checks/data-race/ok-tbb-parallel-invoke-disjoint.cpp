// The correct twin of tbb-parallel-invoke-siblings.cpp: each function
// writes a local of its own (a function runs once, never at the same time
// as itself), and both are read after parallel_invoke has returned.
// task_arena::execute runs its function once while the caller waits.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "executors/tbb.h"

int work(int);

int both_halves(int n) {
  int left = 0, right = 0;
  tbb::parallel_invoke(
      [&] { for (int i = 0; i < n / 2; ++i) left += work(i); },
      [&] { for (int i = n / 2; i < n; ++i) right += work(i); });
  return left + right;
}

int in_arena(int n) {
  int total = 0;
  tbb::task_arena arena(4);
  arena.execute([&] { for (int i = 0; i < n; ++i) total += work(i); });
  return total;
}

#ifdef FEARLESS_RUN
int work(int i) { return i & 1; }
int main() { return both_halves(100000) < 0 || in_arena(1000) < 0; }
#endif
