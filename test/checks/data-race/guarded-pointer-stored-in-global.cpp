// A pointer to a guarded member stored in a global under the lock, then
// dereferenced by another member function without the lock while the
// setter writes the member under it.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <mutex>

struct Stats {
  long hits = 0;
};

Stats *g_last = nullptr;

class Counter {
public:
  void publish() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    g_last = &stats_; // expected-warning {{pointer to 'stats_' escapes the lock 'm_' that guards it}} expected-note {{the pointer to 'stats_' is taken here, while 'm_' is held}} expected-note {{it is stored in 'g_last' here, a global that keeps it after 'm_' is released}} expected-note {{help: store a copy, made while 'm_' is held, instead of a pointer, or dereference 'g_last' only while 'm_' is held}}
  }
  long last() const {
    return g_last->hits; // expected-note {{'g_last' is dereferenced here, in 'last', without 'm_'}}
  }
  void hit() {
    std::lock_guard<std::mutex> g(m_);
    stats_.hits++; // expected-note {{'stats_' is written here, under 'm_', possibly at the same time}}
  }

private:
  std::mutex m_;
  Stats stats_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <cstdio>
#include <thread>
int main() {
  Counter c;
  c.publish();
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      c.hit();
  });
  while (!go) {
  }
  long sum = 0;
  for (int i = 0; i < 100000; ++i)
    sum += c.last();
  t.join();
  std::printf("%ld\n", sum);
}
#endif
