// The member is declared guarded_by(m_) (clang's -Wthread-safety-reference-
// return finds this with the annotation; fearless finds it with or without):
// the getter returns a reference to it from under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>
#include <vector>

class Samples {
public:
  const std::vector<int> &values() const {
    m_.lock(); // expected-note {{'m_' is locked here}}
    const std::vector<int> &v = values_; // expected-note {{the reference to 'values_' is taken here, while 'm_' is held}}
    m_.unlock(); // expected-note {{'m_' is released here}}
    return v; // expected-warning {{reference to 'values_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
  }
  void add(int v) {
    std::lock_guard<std::mutex> g(m_);
    values_.push_back(v); // expected-note {{'values_' is written here, under 'm_', possibly at the same time}}
  }

private:
  mutable std::mutex m_;
  std::vector<int> values_ __attribute__((guarded_by(m_)));
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Samples s;
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      s.add(i);
  });
  while (!go) {
  }
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += s.values().size();
  t.join();
  return n == 7;
}
#endif
