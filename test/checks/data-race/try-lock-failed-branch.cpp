// The twin of ok-try-lock-succeeded-branch.cpp: the branch where try_lock()
// failed does not hold the lock, and it writes the counter anyway.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <mutex>
#include <thread>

std::mutex m;
int counter;

void locked() {
  for (int i = 0; i < 100000; ++i) {
    std::lock_guard<std::mutex> g(m); // expected-note {{'m' is held here, but not at the other access}}
    ++counter; // expected-warning {{data race on 'counter'}} expected-note {{help: hold 'm' at the other access too}}
  }
}

void try_or_anyway() {
  for (int i = 0; i < 100000; ++i) {
    if (m.try_lock()) {
      ++counter;
      m.unlock();
    } else {
      ++counter; // expected-note {{the other write is here}}
    }
  }
}

void run() {
  std::thread a(locked), b(try_or_anyway); // expected-note {{one thread is spawned here}} expected-note {{the other thread is spawned here}}
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
