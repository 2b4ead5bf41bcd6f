// The twin of ok-lock-all-void-helper.cpp: lockAll() takes the locks only
// when asked to (a flag the caller passes false), so on one of its paths it
// returns holding none, and the write of size_ after it is not ordered with
// an insert.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

struct Table {
  std::vector<std::mutex> locks_ = std::vector<std::mutex>(4);
  int size_ = 0;

  void lockAll(bool really) {
    if (!really)
      return;
    for (auto &m : locks_)
      m.lock();
  }
  void unlockAll(bool really) {
    if (!really)
      return;
    for (auto &m : locks_)
      m.unlock();
  }
  void clear(bool really) {
    lockAll(really);
    size_ = 0; // expected-warning {{data race on 't.size_'}} expected-note {{help: hold 't.locks_[...]' at the other access too}}
    unlockAll(really);
  }
  void insert(int i) {
    std::lock_guard<std::mutex> g(locks_[i % 4]); // expected-note {{'t.locks_[...]' is held here, but not at the other access}}
    ++size_; // expected-note {{the other write is here}}
  }
};

bool locking = false;

void run() {
  Table t;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  std::thread a([&] { // expected-note {{the thread is spawned here}}
    while (std::chrono::steady_clock::now() < end)
      t.clear(locking); // expected-note {{reached through this call}}
  });
  while (std::chrono::steady_clock::now() < end)
    t.insert(1); // expected-note {{reached through this call}}
  a.join(); // expected-note {{the spawning function joins it only here}}
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
