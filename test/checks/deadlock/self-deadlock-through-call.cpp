// A public member function locks m_ and calls another public member
// function that locks m_ again: std::mutex is not recursive, the second
// lock never returns.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// RUN: %tidy --quiet --checks='-*,fearless-deadlock' %s -- -std=c++17 -nostdinc++ -isystem %mock 2>&1 | FileCheck %s
// CHECK: warning: 'm_' is locked again while this thread holds it (by this call), which deadlocks [fearless-deadlock]
// CONFIRM: hang
#include <mutex>
#include <vector>

class Cache {
public:
  int size() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked again here}}
    return int(items_.size());
  }
  void add(int v) {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here, and still held}}
    if (size() < 100) // expected-warning {{'m_' is locked again while this thread holds it (by this call), which deadlocks [fearless-deadlock]}} expected-note {{help: 'm_' is not recursive: do not lock it again (split out a helper that expects it held), or make it a std::recursive_mutex}}
      items_.push_back(v);
  }

private:
  std::mutex m_;
  std::vector<int> items_;
};

#ifdef FEARLESS_RUN
int main() {
  Cache c;
  c.add(1);
}
#endif
