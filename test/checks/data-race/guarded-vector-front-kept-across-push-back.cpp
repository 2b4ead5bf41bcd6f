// A reference to the front of a std::vector is taken under the lock and
// used after unlock(), while another member function appends under the
// lock: push_back may reallocate, moving every element and freeing the
// storage the reference points into (unlike a push at the end of a deque).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <mutex>
#include <string>
#include <vector>

class Names {
public:
  void add(const std::string &s) {
    std::lock_guard<std::mutex> g(m_);
    names_.push_back(s); // expected-note {{'names_' is written here, under 'm_', possibly at the same time}}
  }
  unsigned long first() {
    m_.lock(); // expected-note {{'m_' is locked here}}
    if (names_.empty()) {
      m_.unlock();
      return 0;
    }
    const std::string &s = names_.front(); // expected-note {{the reference to 'names_' is taken here, while 'm_' is held}}
    m_.unlock(); // expected-note {{'m_' is released here}}
    unsigned long n = 0;
    for (unsigned long i = 0; i < s.size(); ++i) // expected-warning {{reference to 'names_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
      n += s[i];
    return n;
  }

private:
  std::mutex m_;
  std::vector<std::string> names_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <chrono>
#include <thread>
int main() {
  // A fresh vector each round: it reallocates at 1, 2, 4, 8, ... elements.
  unsigned long sum = 0;
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < end) {
    Names names;
    names.add(std::string(64, 'x'));
    std::atomic<bool> go{false}, done{false};
    std::thread t([&] {
      while (!go) {
      }
      for (int i = 0; i < 256; ++i)
        names.add(std::string(64, 'x'));
      done = true;
    });
    go = true;
    while (!done)
      sum += names.first();
    t.join();
  }
  return sum == 1;
}
#endif
