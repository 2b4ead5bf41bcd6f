// A lambda made under the lock reaches the guarded member through 'this' and
// is returned: the caller runs it after the lock is released, while another
// thread renames under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <functional>
#include <mutex>
#include <string>

class Account {
public:
  std::function<unsigned long()> lengthLater() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    return [this] { return name_.size(); }; // expected-warning {{reference to 'name_' escapes the lock 'm_' that guards it}} expected-note {{the lambda reaches 'name_' by reference; it is captured here, while 'm_' is held}} expected-note {{'name_' is used here, in the lambda, without 'm_'}} expected-note {{the lambda is returned here, so it may run after 'm_' is released}} expected-note {{help: capture a copy of 'name_' ('[name = name_]'), or lock 'm_' inside the lambda}}
  }
  void rename(const std::string &n) {
    std::lock_guard<std::mutex> g(m_);
    name_ = n; // expected-note {{'name_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  std::string name_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Account a;
  auto len = a.lengthLater();
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      a.rename(i % 2 ? "a" : "a much longer name that does not fit inline");
  });
  while (!go) {
  }
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += len();
  t.join();
  return n == 7;
}
#endif
