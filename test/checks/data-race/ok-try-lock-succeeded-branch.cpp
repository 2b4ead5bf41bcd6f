// The branch where a try-lock succeeded holds the lock: on the mutex
// (`if (m.try_lock()) { ...; m.unlock(); }`), through a guard made with
// std::try_to_lock (`if (l)`, `if (l.owns_lock())`), a guard's own
// try_lock(), and a spin until it succeeds (`while (!m.try_lock())`).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>

std::mutex m;
int counter;

void locked() {
  std::lock_guard<std::mutex> g(m);
  ++counter;
}

void try_member() {
  if (m.try_lock()) {
    ++counter;
    m.unlock();
  }
}

void try_member_negated() {
  if (!m.try_lock())
    return;
  ++counter;
  m.unlock();
}

void try_guard_bool() {
  std::unique_lock<std::mutex> l(m, std::try_to_lock);
  if (l)
    ++counter;
}

void try_guard_owns() {
  std::unique_lock<std::mutex> l(m, std::try_to_lock);
  if (l.owns_lock() && counter < 100)
    ++counter;
}

void try_guard_deferred() {
  std::unique_lock<std::mutex> l(m, std::defer_lock);
  if (l.try_lock())
    ++counter;
}

void spin_until_locked() {
  while (!m.try_lock()) {
  }
  ++counter;
  m.unlock();
}

void run() {
  std::thread a(locked), b(try_member), c(try_member_negated),
      d(try_guard_bool), e(try_guard_owns), f(try_guard_deferred),
      g(spin_until_locked);
  a.join();
  b.join();
  c.join();
  d.join();
  e.join();
  f.join();
  g.join();
}
