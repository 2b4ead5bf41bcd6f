// A thread capturing this races with the member function that started it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

class Stats {
  long hits_ = 0;
  std::thread worker_;

public:
  void start() {
    worker_ = std::thread([this] { record(); }); // expected-note {{the thread is spawned here}}
    hits_ = 0; // expected-warning {{data race on 'hits_': this write can run at the same time as a write in another thread}} expected-note {{help: make 'hits_' a std::atomic<long>}}
  }
  void record() { ++hits_; } // expected-note {{the other write is here}}
  ~Stats() { worker_.join(); }
};
// expected-note@11 {{reached through this call}}
