// Rust Book listing 16-12, the other half: `m.lock().unwrap()` returns a
// MutexGuard, and the borrow checker does not let a reference into the data
// outlive it (E0597). The C++ twin: a value kept behind a mutex, with a
// getter that hands out a reference from under the lock.
// RUN: %fearless -std=c++20 -Xclang -verify %s
#include <mutex>

class Shared {
public:
  int &num() {
    std::lock_guard<std::mutex> guard(m_); // expected-note {{'m_' is locked here}}
    return value_; // expected-warning {{reference to 'value_' escapes the lock 'm_' that guards it}} expected-note {{help: return a copy, made while 'm_' is held, instead of a reference}}
  } // expected-note {{'m_' is released here, when 'num' returns}}
  void set(int v) {
    std::lock_guard<std::mutex> guard(m_);
    value_ = v; // expected-note {{'value_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  int value_ = 5;
};

int main() {
  Shared m;
  m.num() = 6; // expected-note {{'num' is called here: the caller uses the reference after 'm_' is released}}
  m.set(7);
}
