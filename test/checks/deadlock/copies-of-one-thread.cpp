// Every worker moves an item between the two queues, in a direction chosen
// at run time, locking the source queue first: two workers going opposite
// ways wait for each other.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>
#include <thread>
#include <vector>

struct Queue {
  std::mutex mu;
  std::vector<int> items;
};

Queue left, right;

void move_one(bool to_right) {
  if (to_right) {
    std::lock_guard<std::mutex> a(left.mu); // expected-note {{'left.mu' is locked here, and still held}}
    std::lock_guard<std::mutex> b(right.mu); // expected-warning {{lock order inversion: 'right.mu' is locked while 'left.mu' is held, and another thread may lock them in the opposite order}} expected-note {{help: take 'left.mu' and 'right.mu' in the same order everywhere, or both at once with std::scoped_lock}}
    right.items.push_back(1);
  } else {
    std::lock_guard<std::mutex> b(right.mu); // expected-note {{'right.mu' is locked here, and still held}}
    std::lock_guard<std::mutex> a(left.mu); // expected-note {{the other thread locks 'left.mu' here while holding 'right.mu'}}
    left.items.push_back(1);
  }
}

void run(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([i] { move_one(i % 2 == 0); }); // expected-note 2 {{reached through this call}} expected-note {{every thread started here runs both orders, so two of them may take the locks at the same time}}
  for (auto &w : workers)
    w.join();
}

#ifdef FEARLESS_RUN
// Both orders on two threads, one after the other: ThreadSanitizer reports
// the inversion (lock-order-inversion) without the program hanging.
int main() {
  std::thread([] { move_one(true); }).join();
  std::thread([] { move_one(false); }).join();
}
#endif
