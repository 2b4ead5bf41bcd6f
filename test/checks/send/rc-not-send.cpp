// C++ twin of Rust Book listing 16-14: Rc<Mutex<i32>> cannot be sent
// between threads. Copying Rc bumps a plain counter through a pointer that
// every copy shares: two threads copying or dropping at once race on it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/refcounted.h>
#include <mutex>
#include <thread>
#include <vector>

struct Counter {
  std::mutex m;
  int value = 0;
};

int main() {
  Rc<Counter> counter;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i) {
    Rc<Counter> c = counter;
    handles.emplace_back([c] { // expected-warning {{'c' is sent to another thread, but its type 'Rc<Counter>' is not Send [fearless-send]}} expected-note {{the thread is spawned here}}
      std::lock_guard<std::mutex> lock(c->m);
      c->value += 1;
    });
  }
  for (auto &h : handles)
    h.join();
}
// expected-note@fearless/refcounted.h:16 {{'Rc<Counter>' is not Send because copying it updates what 'block_' points to without synchronization (a non-atomic reference count)}}
