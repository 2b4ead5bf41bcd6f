// A lock guard moved into a thread: unlocking on another thread is UB.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>
#include <thread>
#include <utility>

std::mutex m;

void handOver() {
  std::unique_lock<std::mutex> lock(m);
  std::thread t([lock = std::move(lock)] {}); // expected-warning {{'lock' is sent to another thread, but its type 'std::unique_lock<std::mutex>' is not Send}} expected-note {{the thread is spawned here}} expected-note {{'std::unique_lock<std::mutex>' is a lock guard, which is not Send: unlocking a mutex on another thread is undefined behaviour}}
  t.join();
}
