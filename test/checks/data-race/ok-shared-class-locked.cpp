// A class marked fearless::shared whose public member functions all hold
// its mutex (or touch only atomics): no race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <fearless/annotations.h>
#include <mutex>
#include <string>

class FEARLESS_SHARED Registry {
public:
  void rename(const std::string &n) {
    std::lock_guard<std::mutex> g(m_);
    name_ = n;
    renames_.fetch_add(1);
  }
  unsigned long length() const {
    std::lock_guard<std::mutex> g(m_);
    return name_.size();
  }
  long renames() const { return renames_.load(); }

private:
  mutable std::mutex m_;
  std::string name_;
  std::atomic<long> renames_{0};
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Registry r;
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      r.rename(i % 2 ? "a" : "a much longer name than the short one");
  });
  while (!go) {
  }
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += r.length() + r.renames();
  t.join();
  return n == 7;
}
#endif
