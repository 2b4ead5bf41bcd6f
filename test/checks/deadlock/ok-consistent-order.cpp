// Every function takes users_mu before index_mu: one global order, no
// cycle, whatever runs at the same time.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
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
  std::lock_guard<std::mutex> u(users_mu);
  std::lock_guard<std::mutex> i(index_mu);
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
  std::thread([] { add_user(1); }).join();
  std::thread([] { rebuild_index(); }).join();
}
#endif
