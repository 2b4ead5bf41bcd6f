// rebuild_index() holds index_mu and only tries users_mu, backing off
// (releasing index_mu) when it is taken: a try-lock never waits, so it adds
// no edge to the lock order.
// With every check: fearless-data-race sees that the branch where
// try_lock() succeeded holds users_mu.
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
  for (;;) {
    std::unique_lock<std::mutex> i(index_mu);
    if (users_mu.try_lock()) {
      index_ = users;
      users_mu.unlock();
      return;
    }
    i.unlock();
    std::this_thread::yield();
  }
}

void rebuild_with_guard() {
  std::lock_guard<std::mutex> i(index_mu);
  std::unique_lock<std::mutex> u(users_mu, std::try_to_lock);
  if (u.owns_lock())
    index_ = users;
}

void run() {
  std::thread a([] { add_user(1); });
  std::thread b([] { rebuild_index(); });
  std::thread c([] { rebuild_with_guard(); });
  a.join();
  b.join();
  c.join();
}

#ifdef FEARLESS_RUN
int main() {
  std::thread([] { add_user(1); }).join();
  std::thread([] { rebuild_index(); }).join();
  std::thread([] { rebuild_with_guard(); }).join();
}
#endif
