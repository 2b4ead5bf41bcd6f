// A plain value handed over through an atomic flag (release/acquire): the
// store after the write and the load before the read order them.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <thread>

void handOff() {
  std::atomic<bool> ready{false};
  int payload = 0;
  std::thread consumer([&] {
    while (!ready.load(std::memory_order_acquire)) {
    }
    int got = payload; // ordered after the producer's write
    (void)got;
  });
  payload = 42;
  ready.store(true, std::memory_order_release);
  consumer.join();
}

void relaxedDoesNotOrder() {
  std::atomic<bool> ready{false};
  int payload = 0;
  std::thread consumer([&] {
    while (!ready.load(std::memory_order_relaxed)) {
    }
    int got = payload; // expected-note {{the other read is here}}
    (void)got;
  }); // expected-note@-5 {{the thread is spawned here}}
  payload = 42; // expected-warning {{data race on 'payload'}} expected-note {{help: make 'payload' a std::atomic<int>}}
  ready.store(true, std::memory_order_relaxed);
  consumer.join(); // expected-note {{joins it only here}}
}
