// push() holds queue_mu_ and calls a helper that takes stats_mu_; report()
// holds stats_mu_ and calls depth(), which takes queue_mu_. One thread
// pushes while another reports: each may wait for the other's lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock 2>&1 | FileCheck %s
// CHECK: warning: lock order inversion: 'q.stats_mu_' is locked while 'q.queue_mu_' is held{{.*}}[fearless-deadlock]
#include <mutex>
#include <thread>
#include <vector>

class Queue {
public:
  void push(int v) {
    std::lock_guard<std::mutex> g(queue_mu_); // expected-note {{'q.queue_mu_' is locked here, and still held}}
    items_.push_back(v);
    count_pushed(); // expected-note {{reached through this call}}
  }
  int report() {
    std::lock_guard<std::mutex> g(stats_mu_); // expected-note {{'q.stats_mu_' is locked here, and still held}}
    return pushed_ + depth(); // expected-note {{reached through this call}}
  }
  int depth() {
    std::lock_guard<std::mutex> g(queue_mu_); // expected-note {{the other thread locks 'q.queue_mu_' here while holding 'q.stats_mu_'}}
    return int(items_.size());
  }

private:
  void count_pushed() {
    std::lock_guard<std::mutex> g(stats_mu_); // expected-warning {{lock order inversion: 'q.stats_mu_' is locked while 'q.queue_mu_' is held, and another thread may lock them in the opposite order}} expected-note {{help: take 'q.queue_mu_' and 'q.stats_mu_' in the same order everywhere, or both at once with std::scoped_lock}}
    ++pushed_;
  }
  std::mutex queue_mu_, stats_mu_;
  std::vector<int> items_;
  int pushed_ = 0;
};

void run(Queue &q) {
  std::thread producer([&] { // expected-note {{one thread is spawned here}}
    for (int i = 0; i < 1000; ++i)
      q.push(i); // expected-note {{reached through this call}}
  });
  std::thread monitor([&] { // expected-note {{the other thread is spawned here}}
    for (int i = 0; i < 1000; ++i)
      q.report(); // expected-note {{reached through this call}}
  });
  producer.join();
  monitor.join();
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  Queue q;
  std::thread([&] { q.push(1); }).join();
  std::thread([&] { q.report(); }).join();
}
#endif
