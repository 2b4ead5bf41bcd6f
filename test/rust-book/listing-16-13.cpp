// Rust Book listing 16-13: sharing a Mutex<i32> between ten threads without
// Arc. rustc rejects moving `counter` into the closure in a loop (E0382);
// the C++ twin that moves the counter into each thread gets the same
// diagnostic, and the one that shares it by reference without locking races.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

struct Counter {
  int value = 0;
  std::vector<int> history; // not trivially copyable: a move empties it
};

void movedIntoEveryThread() {
  Counter counter;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([counter = std::move(counter)]() mutable { counter.value += 1; }); // expected-warning {{'counter' used after it was moved [fearless-use-after-move]}} expected-note {{'counter' of type 'Counter' was moved here in a previous iteration of the loop}} expected-note {{copy 'counter' instead}}
  for (auto &h : handles)
    h.join();
}

void sharedWithoutLock() {
  int counter = 0;
  std::vector<std::thread> handles;
  for (int i = 0; i < 10; ++i)
    handles.emplace_back([&] { counter += 1; }); // expected-warning {{data race on 'counter'}} expected-note {{help: make 'counter' a std::atomic<int>}} expected-note {{the same write runs in every thread started here}}
  for (auto &h : handles)
    h.join();
}
