// Futures against the real libstdc++ 12 headers, whose std::future and
// std::shared_future declare wait() in their common base class.
// RUN: %fearless -std=c++17 -pthread -Xclang -verify %s
#include <future>

// Joined by wait() before the read: silent.
int asyncWaitedFirst() {
  int x = 0;
  auto f = std::async(std::launch::async, [&] { x = 1; });
  f.wait();
  return x;
}

int asyncSharedWaitedFirst() {
  int x = 0;
  std::shared_future<void> f =
      std::async(std::launch::async, [&] { x = 1; }).share();
  f.wait();
  return x;
}

// The read comes before wait().
int asyncReadBeforeWait() {
  int x = 0;
  auto f = std::async(std::launch::async, [&] { x = 1; }); // expected-warning {{data race on 'x'}} expected-note {{help: make 'x' a std::atomic<int>}} expected-note {{the thread is spawned here}}
  int seen = x; // expected-note {{the other read is here}}
  f.wait(); // expected-note {{the spawning function joins it only here}}
  return seen;
}
