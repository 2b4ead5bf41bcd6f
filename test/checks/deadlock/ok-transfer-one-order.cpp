// transfer(from, to) locks from.mu then to.mu, and both threads transfer
// from a to b: a single order of the two accounts, no cycle.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>

struct Account {
  std::mutex mu;
  long balance = 0;
};

void transfer(Account &from, Account &to, long amount) {
  std::lock_guard<std::mutex> f(from.mu);
  std::lock_guard<std::mutex> t(to.mu);
  from.balance -= amount;
  to.balance += amount;
}

void run(Account &a, Account &b) {
  std::thread t1([&] { transfer(a, b, 10); });
  std::thread t2([&] { transfer(a, b, 5); });
  t1.join();
  t2.join();
}

#ifdef FEARLESS_RUN
int main() {
  Account a, b;
  std::thread([&] { transfer(a, b, 10); }).join();
  std::thread([&] { transfer(a, b, 5); }).join();
}
#endif
