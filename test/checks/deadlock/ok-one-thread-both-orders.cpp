// Both orders, but only ever on one thread (the spawner, after it joined the
// only other thread, which takes neither lock): one thread cannot wait for
// itself across two separate critical sections.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// ThreadSanitizer's lock-order detector flags this (it ignores which thread
// takes the locks); the program finishes.
// CONFIRM: hang
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

std::mutex users_mu, index_mu;
std::vector<int> users, index_;

void add_user(int id) {
  std::lock_guard<std::mutex> u(users_mu);
  users.push_back(id);
  std::lock_guard<std::mutex> i(index_mu);
  index_.push_back(id);
}

void rebuild_index() {
  std::lock_guard<std::mutex> i(index_mu);
  std::lock_guard<std::mutex> u(users_mu);
  index_ = users;
}

int work() { return 42; }

void run() {
  std::thread t([] { work(); });
  t.join();
  add_user(1);
  rebuild_index();
}

#ifdef FEARLESS_RUN
int main() { run(); }
#endif
