// A lambda made under the lock reaches the guarded member through 'this'
// and is stored in a member; another member function calls it without the
// lock, while the setter writes the member under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <functional>
#include <mutex>
#include <string>

void show(unsigned long);

class Widget {
public:
  void arm() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    onClick_ = [this] { show(label_.size()); }; // expected-warning {{reference to 'label_' escapes the lock 'm_' that guards it}} expected-note {{the lambda reaches 'label_' by reference; it is captured here, while 'm_' is held}} expected-note {{'label_' is used here, in the lambda, without 'm_'}} expected-note {{the lambda is stored in 'onClick_' here, so it may run after 'm_' is released}} expected-note {{help: capture a copy of 'label_' ('[label = label_]'), or lock 'm_' inside the lambda}}
  }
  void click() {
    onClick_(); // expected-note {{'onClick_' is called here, without 'm_'}}
  }
  void relabel(const std::string &l) {
    std::lock_guard<std::mutex> g(m_);
    label_ = l; // expected-note {{'label_' is written here, under 'm_', possibly at the same time}}
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
