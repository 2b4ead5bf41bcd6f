// A reference to the front of a std::queue is taken under the lock and used
// after unlock(), while another member function pops the queue under the
// lock: the pop destroys the element the reference names (a push at the back
// would not, but a pop does).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <mutex>
#include <queue>
#include <string>

class Inbox {
public:
  void add(const std::string &s) {
    std::lock_guard<std::mutex> g(m_);
    queue_.push(s);
  }
  void drop() {
    std::lock_guard<std::mutex> g(m_);
    if (!queue_.empty())
      queue_.pop(); // expected-note {{'queue_' is written here, under 'm_', possibly at the same time}}
  }
  unsigned long peek() {
    m_.lock(); // expected-note {{'m_' is locked here}}
    if (queue_.empty()) {
      m_.unlock();
      return 0;
    }
    const std::string &s = queue_.front(); // expected-note {{the reference to 'queue_' is taken here, while 'm_' is held}}
    m_.unlock(); // expected-note {{'m_' is released here}}
    unsigned long n = 0;
    for (char c : s) // expected-warning {{reference to 'queue_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}}
      n += c;
    return n;
  }

private:
  std::mutex m_;
  std::queue<std::string> queue_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <chrono>
#include <thread>
int main() {
  Inbox box;
  std::atomic<bool> stop{false};
  std::thread t([&] {
    while (!stop) {
      box.add(std::string(64, 'x'));
      box.drop();
    }
  });
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  unsigned long sum = 0;
  while (std::chrono::steady_clock::now() < end)
    sum += box.peek();
  stop = true;
  t.join();
  return sum == 1;
}
#endif
