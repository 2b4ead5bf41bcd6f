// A getter locks the class mutex and returns a reference to the member the
// setter writes under the same mutex: the lock is released when the getter
// returns, and the caller reads the string while another thread may write it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --checks='-*,fearless-data-race' %s -- -std=c++17 -nostdinc++ \
// RUN:   -isystem %mock 2>&1 | FileCheck %s --check-prefix=TIDY
// TIDY: warning: reference to 'name_' escapes the lock 'm_' that guards it [fearless-data-race]
// TIDY: note: 'm_' is locked here
#include <mutex>
#include <string>

class Account {
public:
  const std::string &name() const {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    return name_; // expected-warning {{reference to 'name_' escapes the lock 'm_' that guards it}} expected-note {{help: return a copy, made while 'm_' is held, instead of a reference}}
  } // expected-note {{'m_' is released here, when 'name' returns}}
  void rename(const std::string &n) {
    std::lock_guard<std::mutex> g(m_);
    name_ = n; // expected-note {{'name_' is written here, under 'm_', possibly at the same time}}
  }

private:
  mutable std::mutex m_;
  std::string name_;
};

unsigned long length(const Account &a) {
  return a.name().size(); // expected-note {{'name' is called here: the caller uses the reference after 'm_' is released}}
}

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
