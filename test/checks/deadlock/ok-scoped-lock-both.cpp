// Both functions need users_mu and index_mu and take them together with
// std::scoped_lock (and std::lock), whose deadlock-avoidance algorithm
// makes the order irrelevant: no inversion.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

std::mutex users_mu, index_mu;
std::vector<int> users, index_;

void add_user(int id) {
  std::scoped_lock both(users_mu, index_mu);
  users.push_back(id);
  index_.push_back(id);
}

void rebuild_index() {
  std::scoped_lock both(index_mu, users_mu);
  index_ = users;
}

void rebuild_with_std_lock() {
  std::lock(index_mu, users_mu);
  std::lock_guard<std::mutex> i(index_mu, std::adopt_lock);
  std::lock_guard<std::mutex> u(users_mu, std::adopt_lock);
  index_ = users;
}

void run() {
  std::thread a([] { add_user(1); });
  std::thread b([] { rebuild_index(); });
  std::thread c([] { rebuild_with_std_lock(); });
  a.join();
  b.join();
  c.join();
}

#ifdef FEARLESS_RUN
int main() {
  std::thread([] { add_user(1); }).join();
  std::thread([] { rebuild_index(); }).join();
  std::thread([] { rebuild_with_std_lock(); }).join();
}
#endif
