// Both orders are taken only while holding big_mu: only one thread at a time
// can be inside either, so they cannot wait for each other.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// ThreadSanitizer's lock-order detector flags this (it ignores gate locks);
// the program below runs both orders at once many times and finishes.
// CONFIRM: hang
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

std::mutex big_mu, users_mu, index_mu;
std::vector<int> users, index_;

void add_user(int id) {
  std::lock_guard<std::mutex> g(big_mu);
  std::lock_guard<std::mutex> u(users_mu);
  std::lock_guard<std::mutex> i(index_mu);
  users.push_back(id);
  index_.push_back(id);
}

void rebuild_index() {
  std::lock_guard<std::mutex> g(big_mu);
  std::lock_guard<std::mutex> i(index_mu);
  std::lock_guard<std::mutex> u(users_mu);
  index_ = users;
}

void run() {
  std::thread a([] { add_user(1); });
  std::thread b([] { rebuild_index(); });
  a.join();
  b.join();
}

#ifdef FEARLESS_RUN
int main() {
  std::thread a([] { for (int i = 0; i < 2000; ++i) add_user(i); });
  std::thread b([] { for (int i = 0; i < 2000; ++i) rebuild_index(); });
  a.join();
  b.join();
}
#endif
