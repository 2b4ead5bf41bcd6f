// A function's summary must not depend on which check asks for it first.
// Calls are expanded four levels deep. fearless-deadlock summarizes every
// function that takes a lock (deep_2 here) on its own, before the data-race
// check reaches the thread body; when the summary cache kept whichever
// summary was computed first, deep_2's full summary (its callees expanded
// from depth 0) then leaked into deep_worker's, five calls deep, so the
// report below appeared with every check enabled and not with
// fearless-data-race alone. Now both runs give the same result: the write
// four calls deep is reported, the one five calls deep is beyond the budget
// in both.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// RUN: %fearless -std=c++17 -Xclang -verify %s -fplugin-arg-fearless-checks=fearless-data-race
#include <mutex>
#include <thread>

std::mutex other;
int deep, near;

void deep_5() { deep = 1; }
void deep_4() { deep_5(); }
void deep_3() { deep_4(); }
void deep_2() {
  std::lock_guard<std::mutex> g(other);
  deep_3();
}
void deep_1() { deep_2(); }
void deep_worker() { deep_1(); }

void near_4() { near = 1; } // expected-warning {{data race on 'near': this write can run at the same time as a write in another thread}} expected-note {{help: hold 'other' at the other access too}}
void near_3() { near_4(); } // expected-note {{reached through this call}}
void near_2() {
  std::lock_guard<std::mutex> g(other); // expected-note {{'other' is held here, but not at the other access}}
  near_3(); // expected-note {{reached through this call}}
}
void near_1() { near_2(); } // expected-note {{reached through this call}}
void near_worker() { near_1(); } // expected-note {{reached through this call}}

void run() {
  std::thread a(deep_worker);
  std::thread b(near_worker); // expected-note {{the thread is spawned here}}
  deep = 2;
  near = 2; // expected-note {{the other write is here}}
  a.join();
  b.join(); // expected-note {{the spawning function joins it only here}}
}
