// C++ twin of Rust Book listing 16-15: Arc<Mutex<i32>> is Send; so is a
// std::shared_ptr of a Send+Sync counter.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/refcounted.h>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct Counter {
  std::mutex m;
  int value = 0;
};

void arc() {
  Arc<Counter> counter;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    Arc<Counter> c = counter;
    handles.emplace_back([c] {
      std::lock_guard<std::mutex> lock(c->m);
      c->value += 1;
    });
  }
  for (auto &h : handles)
    h.join();
}

void sharedPtr() {
  auto counter = std::make_shared<Counter>();
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([counter] {
      std::lock_guard<std::mutex> lock(counter->m);
      counter->value += 1;
    });
  for (auto &h : handles)
    h.join();
}
