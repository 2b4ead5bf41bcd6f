// Spinning on a non-atomic flag: both the flag and the hand-off race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

void handOff() {
  bool ready = false;
  std::thread consumer([&] {
    while (!ready) { // expected-note {{the other read is here}}
    }
  }); // expected-note@-3 {{the thread is spawned here}}
  ready = true; // expected-warning {{data race on 'ready': this write can run at the same time as a read in another thread}} expected-note {{help: make 'ready' a std::atomic<bool>}}
  consumer.join(); // expected-note {{the spawning function joins it only here}}
}
