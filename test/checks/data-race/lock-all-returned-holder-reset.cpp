// The twin of ok-lock-all-returned-holder.cpp: clear() resets the holder
// lock_all() returned, which unlocks the table, before it writes size_.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

struct Table;

struct AllUnlocker {
  std::vector<std::mutex> *locks;
  void operator()(Table *) const {
    for (auto &m : *locks)
      m.unlock();
  }
};

struct Table {
  std::vector<std::mutex> locks_ = std::vector<std::mutex>(4);
  int size_ = 0;

  std::unique_ptr<Table, AllUnlocker> lock_all() {
    for (auto &m : locks_)
      m.lock();
    return std::unique_ptr<Table, AllUnlocker>(this, AllUnlocker{&locks_});
  }
  void clear() {
    auto all = lock_all();
    all.reset();
    size_ = 0; // expected-warning {{data race on 't.size_'}} expected-note {{help: hold 't.locks_[...]' at the other access too}}
  }
  void insert(int i) {
    std::lock_guard<std::mutex> g(locks_[i % 4]); // expected-note {{'t.locks_[...]' is held here, but not at the other access}}
    ++size_; // expected-note {{the other write is here}}
  }
};

void run() {
  Table t;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  std::thread a([&] { // expected-note {{the thread is spawned here}}
    while (std::chrono::steady_clock::now() < end)
      t.clear(); // expected-note {{reached through this call}}
  });
  while (std::chrono::steady_clock::now() < end)
    t.insert(1); // expected-note {{reached through this call}}
  a.join(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
