// C++ twin of Rust Book listings 16-13/16-15 without the Mutex: ten threads
// increment one counter.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

int main() {
  int counter = 0;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] { counter += 1; }); // expected-warning {{data race on 'counter': this write can run at the same time as a write in another thread [fearless-data-race]}} expected-note {{help: make 'counter' a std::atomic<int>}} expected-note {{the same write runs in every thread started here, at the same time}}
  for (auto &h : handles)
    h.join();
  return counter;
}
