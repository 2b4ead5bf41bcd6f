// The stored lambda reaches the member through 'this', but every call of it
// holds the lock: it never runs outside the critical section.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <mutex>
#include <string>

void show(unsigned long);

class Widget {
public:
  void arm() {
    std::lock_guard<std::mutex> g(m_);
    onClick_ = [this] { show(label_.size()); };
  }
  void click() {
    std::lock_guard<std::mutex> g(m_);
    onClick_();
  }
  void relabel(const std::string &l) {
    std::lock_guard<std::mutex> g(m_);
    label_ = l;
  }

private:
  std::mutex m_;
  std::string label_;
  std::function<void()> onClick_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
std::atomic<unsigned long> shown{0};
void show(unsigned long n) { shown += n; }
int main() {
  Widget w;
  w.arm();
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      w.relabel(i % 2 ? "a" : "a much longer label that does not fit inline");
  });
  while (!go) {
  }
  for (int i = 0; i < 100000; ++i)
    w.click();
  t.join();
}
#endif
