// A getter returns a pointer to the guarded configuration; the caller reads
// through it after the lock is released, while the setter writes a field of
// it under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>

struct Config {
  int limit = 1;
  int burst = 2;
};

class Throttle {
public:
  const Config *config() const {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    return &cfg_; // expected-warning {{pointer to 'cfg_' escapes the lock 'm_' that guards it}} expected-note {{help: return a copy, made while 'm_' is held, instead of a pointer}}
  } // expected-note {{'m_' is released here, when 'config' returns}}
  void setLimit(int v) {
    std::lock_guard<std::mutex> g(m_);
    cfg_.limit = v; // expected-note {{'cfg_' is written here, under 'm_', possibly at the same time}}
  }

private:
  mutable std::mutex m_;
  Config cfg_;
};

int limitOf(const Throttle &t) {
  return t.config()->limit; // expected-note {{'config' is called here: the caller uses the pointer after 'm_' is released}}
}

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Throttle t;
  std::atomic<bool> go{false};
  std::thread w([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      t.setLimit(i);
  });
  while (!go) {
  }
  long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += limitOf(t);
  w.join();
  return n == 7;
}
#endif
