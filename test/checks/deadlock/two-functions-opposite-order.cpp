// add_user() takes users_mu then index_mu; rebuild_index() takes index_mu
// then users_mu; each runs on its own thread: each may hold its first lock
// and wait forever for the other's.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock 2>&1 | FileCheck %s
// CHECK: warning: lock order inversion: 'index_mu' is locked while 'users_mu' is held, and another thread may lock them in the opposite order [fearless-deadlock]
#include <mutex>
#include <thread>
#include <vector>

std::mutex users_mu, index_mu;
std::vector<int> users, index_;

void add_user(int id) {
  std::lock_guard<std::mutex> u(users_mu); // expected-note {{'users_mu' is locked here, and still held}}
  users.push_back(id);
  std::lock_guard<std::mutex> i(index_mu); // expected-warning {{lock order inversion: 'index_mu' is locked while 'users_mu' is held, and another thread may lock them in the opposite order [fearless-deadlock]}} expected-note {{help: take 'users_mu' and 'index_mu' in the same order everywhere, or both at once with std::scoped_lock}}
  index_.push_back(id);
}

void rebuild_index() {
  std::lock_guard<std::mutex> i(index_mu); // expected-note {{'index_mu' is locked here, and still held}}
  std::lock_guard<std::mutex> u(users_mu); // expected-note {{the other thread locks 'users_mu' here while holding 'index_mu'}}
  index_ = users;
}

void run() {
  std::thread a([] { // expected-note {{one thread is spawned here}}
    for (int n = 0; n < 1000; ++n)
      add_user(n); // expected-note {{reached through this call}}
  });
  std::thread b([] { // expected-note {{the other thread is spawned here}}
    for (int n = 0; n < 1000; ++n)
      rebuild_index(); // expected-note {{reached through this call}}
  });
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  std::thread([] { add_user(1); }).join();
  std::thread([] { rebuild_index(); }).join();
}
#endif
