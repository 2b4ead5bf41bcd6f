// A thread started through a constant global function pointer runs the
// function it points to.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <thread>

static long hits;

static void count() {
  for (int i = 0; i < 100000; ++i)
    ++hits; // expected-warning {{data race on 'hits'}} expected-note {{help: make 'hits' a std::atomic<long>}}
}

static void (*const entry)() = count;

int main() {
  std::thread t(entry); // expected-note {{the thread is spawned here}}
  for (int i = 0; i < 100000; ++i)
    ++hits; // expected-note {{the other write is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return hits == 0;
}
