// The spawner takes b_mu then a_mu while the thread it started, still
// running, takes a_mu then b_mu.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>
#include <thread>

std::mutex a_mu, b_mu;
int a, b;

void run() {
  std::thread t([] { // expected-note {{the thread is spawned here}}
    std::lock_guard<std::mutex> la(a_mu); // expected-note {{'a_mu' is locked here, and still held}}
    std::lock_guard<std::mutex> lb(b_mu); // expected-note {{the other thread locks 'b_mu' here while holding 'a_mu'}}
    ++a, ++b;
  });
  {
    std::lock_guard<std::mutex> lb(b_mu); // expected-note {{'b_mu' is locked here, and still held}}
    std::lock_guard<std::mutex> la(a_mu); // expected-warning {{lock order inversion: 'a_mu' is locked while 'b_mu' is held, and another thread may lock them in the opposite order}} expected-note {{help: take 'b_mu' and 'a_mu' in the same order everywhere, or both at once with std::scoped_lock}}
    --a, --b;
  }
  t.join();
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  std::thread([] {
    std::lock_guard<std::mutex> la(a_mu);
    std::lock_guard<std::mutex> lb(b_mu);
  }).join();
  std::lock_guard<std::mutex> lb(b_mu);
  std::lock_guard<std::mutex> la(a_mu);
}
#endif
