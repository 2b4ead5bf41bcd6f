// Rust Book listing 16-2: waiting for the thread with join.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <chrono>
#include <cstdio>
#include <thread>

int main() {
  std::thread handle([] {
    for (int i = 1; i < 10; ++i) {
      std::printf("hi number %d from the spawned thread!\n", i);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  for (int i = 1; i < 5; ++i) {
    std::printf("hi number %d from the main thread!\n", i);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  handle.join();
}
