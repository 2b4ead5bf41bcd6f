// The getter returns a copy made while the mutex is held (Rust: clone the
// data out of the MutexGuard): nothing outlives the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <string>

class Account {
public:
  std::string name() const {
    std::lock_guard<std::mutex> g(m_);
    return name_;
  }
  void rename(const std::string &n) {
    std::lock_guard<std::mutex> g(m_);
    name_ = n;
  }

private:
  mutable std::mutex m_;
  std::string name_;
};

unsigned long length(const Account &a) { return a.name().size(); }

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Account a;
  std::thread t([&] {
    for (int i = 0; i < 100000; ++i)
      a.rename(i % 2 ? "a" : "a much longer name that does not fit inline");
  });
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += length(a);
  t.join();
  return n == 7;
}
#endif
