// Rust Book listing 16-5: a move closure takes ownership of v.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <cstdio>
#include <thread>
#include <utility>
#include <vector>

int main() {
  std::thread handle;
  {
    std::vector<int> v = {1, 2, 3};
    handle = std::thread([v = std::move(v)] {
      std::printf("Here's a vector: %zu\n", v.size());
    });
  }
  handle.join();
}
