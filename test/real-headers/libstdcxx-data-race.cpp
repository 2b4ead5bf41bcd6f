// Data races against the real libstdc++ 12 headers.
// RUN: %fearless -std=c++20 -pthread -Xclang -verify %s
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

void mapInsert() {
  std::map<std::string, int> index;
  std::jthread a([&] { index["a"] = 1; }); // expected-warning {{data race on 'index'}} expected-note {{help: guard both accesses with the same mutex, or give each thread its own copy}} expected-note {{one thread is spawned here}}
  std::jthread b([&] { index["b"] = 2; }); // expected-note {{the other write is here}} expected-note {{the other thread is spawned here}}
}

void sharedMutex() {
  std::shared_mutex m;
  std::vector<int> data(4);
  std::jthread reader([&] {
    std::shared_lock lock(m);
    (void)data.size();
  });
  std::jthread writer([&] {
    std::unique_lock lock(m);
    data.push_back(1);
  });
}

void atomicCounter() {
  std::atomic<long> hits{0};
  std::vector<std::jthread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { hits++; });
}

void lockOnOneSide() {
  std::mutex m;
  long total = 0;
  std::jthread t([&] { // expected-note {{the thread is spawned here}}
    std::lock_guard<std::mutex> lock(m); // expected-note {{'m' is held here, but not at the other access}}
    total += 1; // expected-warning {{data race on 'total'}} expected-note {{help: hold 'm' at the other access too}}
  });
  total += 2; // expected-note {{the other write is here}}
}

// A push at the front of a std::deque keeps references to the other
// elements valid and does not touch them (Models/Containers.def): the read
// through `last` shares no memory with the push.
int dequeElementKeptAcrossPushFront() {
  std::deque<int> d{1, 2};
  int &last = d.back();
  std::jthread t([&] { d.push_front(0); });
  return last;
}
