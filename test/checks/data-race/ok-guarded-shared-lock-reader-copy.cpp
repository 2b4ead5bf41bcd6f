// A std::shared_lock reader that returns a copy, next to a writer under the
// exclusive lock: the copy is made while the lock is held.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <shared_mutex>
#include <vector>

class Samples {
public:
  std::vector<int> snapshot() const {
    std::shared_lock<std::shared_mutex> g(m_);
    return values_;
  }
  void add(int v) {
    std::lock_guard<std::shared_mutex> g(m_);
    values_.push_back(v);
  }

private:
  mutable std::shared_mutex m_;
  std::vector<int> values_;
};

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Samples s;
  std::thread t([&] {
    for (int i = 0; i < 20000; ++i)
      s.add(i);
  });
  unsigned long n = 0;
  for (int i = 0; i < 2000; ++i)
    n += s.snapshot().size();
  t.join();
  return n == 7;
}
#endif
