// The getter returns a reference under the lock, but no member function
// writes the member under that lock (it is set once, by the constructor):
// there is no conflicting write, so nothing is reported.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <string>

class Account {
public:
  explicit Account(const std::string &n) : name_(n) {}
  const std::string &name() const {
    std::lock_guard<std::mutex> g(m_);
    return name_;
  }
  void deposit(long v) {
    std::lock_guard<std::mutex> g(m_);
    balance_ += v;
  }

private:
  mutable std::mutex m_;
  std::string name_;
  long balance_ = 0;
};

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Account a("a much longer name that does not fit inline");
  std::thread t([&] {
    for (int i = 0; i < 100000; ++i)
      a.deposit(i);
  });
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += a.name().size();
  t.join();
  return n == 7;
}
#endif
