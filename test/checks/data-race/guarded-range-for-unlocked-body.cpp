// A loop over the guarded vector releases the lock in its body to call out:
// the element reference (and the loop's iterators) outlive the lock while
// another thread appends under it, reallocating the storage (AddressSanitizer
// sees the loop read the freed storage).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <mutex>
#include <vector>

void consume(int);

class Batch {
public:
  void drain() {
    std::unique_lock<std::mutex> lk(m_); // expected-note {{'m_' is locked here}}
    for (int &item : items_) { // expected-note {{the reference to 'items_' is taken here, while 'm_' is held}}
      lk.unlock(); // expected-note {{'m_' is released here}}
      consume(item); // expected-warning {{reference to 'items_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
      lk.lock();
    }
  }
  void add(int v) {
    std::lock_guard<std::mutex> g(m_);
    items_.push_back(v); // expected-note {{'items_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  std::vector<int> items_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
std::atomic<long> total{0};
void consume(int v) {
  for (int i = 0; i < 50; ++i)
    total += v;
}
int main() {
  Batch b;
  for (int i = 0; i < 1000; ++i)
    b.add(i);
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 200000; ++i)
      b.add(i);
  });
  while (!go) {
  }
  for (int i = 0; i < 3; ++i)
    b.drain();
  t.join();
}
#endif
