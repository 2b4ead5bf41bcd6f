// rebuild_index() copies under users_mu, releases it, then takes index_mu:
// it never holds both, so there is no edge index_mu -> users_mu.
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
  std::vector<int> copy;
  {
    std::lock_guard<std::mutex> u(users_mu);
    copy = users;
  }
  std::lock_guard<std::mutex> i(index_mu);
  index_ = copy;
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
