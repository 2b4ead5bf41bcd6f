// A reader under std::shared_lock returns a std::string_view of the guarded
// string: the view outlives the shared lock, and the writer replaces the
// string under the exclusive lock (freeing what the view points to).
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>

class Label {
public:
  std::string_view text() const {
    std::shared_lock<std::shared_mutex> g(m_); // expected-note {{'m_' is locked here}}
    return text_; // expected-warning {{view to 'text_' escapes the lock 'm_' that guards it}} expected-note {{help: return a copy, made while 'm_' is held, instead of a view}}
  } // expected-note {{'m_' is released here, when 'text' returns}}
  void set(const std::string &t) {
    std::unique_lock<std::shared_mutex> g(m_);
    text_ = t; // expected-note {{'text_' is written here, under 'm_', possibly at the same time}}
  }

private:
  mutable std::shared_mutex m_;
  std::string text_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Label l;
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      l.set(i % 2 ? "a" : "a much longer text that does not fit inline");
  });
  while (!go) {
  }
  unsigned long n = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string_view v = l.text();
    n += v.size() ? v[0] : 0;
  }
  t.join();
  return n == 7;
}
#endif
