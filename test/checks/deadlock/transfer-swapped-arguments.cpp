// transfer(from, to) locks from.mu, then to.mu. Two threads transfer
// between the same two accounts in opposite directions: each may hold one
// account's lock and wait for the other's.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock 2>&1 | FileCheck %s
// CHECK: warning: lock order inversion: 'b.mu' is locked while 'a.mu' is held{{.*}}[fearless-deadlock]
#include <mutex>
#include <thread>

struct Account {
  std::mutex mu;
  long balance = 0;
};

void transfer(Account &from, Account &to, long amount) {
  std::lock_guard<std::mutex> f(from.mu); // expected-note {{'a.mu' is locked here, and still held}} expected-note {{'b.mu' is locked here, and still held}}
  std::lock_guard<std::mutex> t(to.mu); // expected-warning {{lock order inversion: 'b.mu' is locked while 'a.mu' is held, and another thread may lock them in the opposite order}} expected-note {{the other thread locks 'a.mu' here while holding 'b.mu'}} expected-note {{help: take 'a.mu' and 'b.mu' in the same order everywhere, or both at once with std::scoped_lock}}
  from.balance -= amount;
  to.balance += amount;
}

void run(Account &a, Account &b) {
  std::thread t1([&] { transfer(a, b, 10); }); // expected-note {{reached through this call}} expected-note {{one thread is spawned here}}
  std::thread t2([&] { transfer(b, a, 5); }); // expected-note {{reached through this call}} expected-note {{the other thread is spawned here}}
  t1.join();
  t2.join();
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  Account a, b;
  std::thread([&] { transfer(a, b, 10); }).join();
  std::thread([&] { transfer(b, a, 5); }).join();
}
#endif
