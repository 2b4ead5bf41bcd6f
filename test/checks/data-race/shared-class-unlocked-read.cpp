// A class marked fearless::shared: its public member functions may run at
// the same time, so a getter that reads without the lock the setter holds
// races with it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <fearless/annotations.h>
#include <mutex>
#include <string>

class FEARLESS_SHARED Registry {
public:
  void rename(const std::string &n) { // expected-note {{'rename' is a public member function of 'Registry', which is marked fearless::shared: it may be called from several threads at once}}
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
    name_ = n; // expected-warning {{data race on 'name_'}} expected-note {{help: hold 'm_' at the other access too}}
  }
  unsigned long length() const { return name_.size(); } // expected-note {{the other read is here}} expected-note {{'length' is a public member function of 'Registry', which is marked fearless::shared: it may be called from several threads at once}}

private:
  mutable std::mutex m_;
  std::string name_;
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
    n += r.length();
  t.join();
  return n == 7;
}
#endif
