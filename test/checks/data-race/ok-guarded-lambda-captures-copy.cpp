// The lambda captures a copy of the member, made while the lock is held.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <mutex>
#include <string>

class Account {
public:
  std::function<unsigned long()> lengthLater() {
    std::lock_guard<std::mutex> g(m_);
    return [name = name_] { return name.size(); };
  }
  std::function<unsigned long()> lengthLocked() {
    std::lock_guard<std::mutex> g(m_);
    // Locks for itself when it runs.
    return [this] {
      std::lock_guard<std::mutex> inner(m_);
      return name_.size();
    };
  }
  void rename(const std::string &n) {
    std::lock_guard<std::mutex> g(m_);
    name_ = n;
  }

private:
  std::mutex m_;
  std::string name_;
};

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Account a;
  auto len = a.lengthLater();
  auto locked = a.lengthLocked();
  std::thread t([&] {
    for (int i = 0; i < 100000; ++i)
      a.rename(i % 2 ? "a" : "a much longer name that does not fit inline");
  });
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += len() + locked();
  t.join();
  return n == 7;
}
#endif
