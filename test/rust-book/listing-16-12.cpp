// Rust Book listing 16-12: the Mutex API in a single thread. No threads,
// nothing to report.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <cstdio>
#include <mutex>

int main() {
  std::mutex m;
  int value = 5;
  {
    std::lock_guard<std::mutex> num(m);
    value = 6;
  }
  std::printf("m = %d\n", value);
}
