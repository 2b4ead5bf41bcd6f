// Rust Book listing 16-1: a spawned thread that nobody waits for. In Rust
// the program ends and the thread is cut short; in C++ the std::thread's
// destructor finds it joinable and calls std::terminate.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <chrono>
#include <cstdio>
#include <thread>

int main() {
  std::thread spawned([] { // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed}}
    for (int i = 1; i < 5; ++i) {
      std::printf("hi number %d from the spawned thread!\n", i);
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  for (int i = 1; i < 5; ++i) {
    std::printf("hi number %d from the main thread!\n", i);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
} // expected-warning {{'spawned' is destroyed while still joinable, which calls std::terminate [fearless-unjoined-thread]}}
