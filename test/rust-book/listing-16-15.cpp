// Rust Book listing 16-15: Arc<Mutex<i32>> shared by ten threads. The C++
// twin, std::shared_ptr to a counter behind a std::mutex, is clean for every
// check.
// RUN: %fearless -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct Counter {
  std::mutex m;
  int value = 0;
};

int main() {
  auto counter = std::make_shared<Counter>();
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    auto c = counter;
    handles.emplace_back([c] {
      std::lock_guard<std::mutex> num(c->m);
      c->value += 1;
    });
  }
  for (auto &h : handles)
    h.join();
  std::lock_guard<std::mutex> num(counter->m);
  std::printf("Result: %d\n", counter->value);
}
