// Rust Book listing 16-15's C++ twin: the counter behind a mutex (also with
// unique_lock, manual lock()/unlock() and scoped_lock).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

int main() {
  std::mutex m;
  int counter = 0;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] {
      std::lock_guard<std::mutex> lock(m);
      counter += 1;
    });
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] {
      std::unique_lock<std::mutex> lock(m);
      counter += 1;
      lock.unlock();
      lock.lock();
      counter += 1;
    });
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] {
      m.lock();
      counter += 1;
      m.unlock();
    });
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] {
      std::scoped_lock lock(m);
      counter += 1;
    });
  for (auto &h : handles)
    h.join();
  std::lock_guard<std::mutex> lock(m);
  return counter;
}
