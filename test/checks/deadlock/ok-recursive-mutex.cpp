// The same shape as self-deadlock-through-call.cpp with a
// std::recursive_mutex: locking it again on the same thread is allowed.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <vector>

class Cache {
public:
  int size() {
    std::lock_guard<std::recursive_mutex> g(m_);
    return int(items_.size());
  }
  void add(int v) {
    std::lock_guard<std::recursive_mutex> g(m_);
    if (size() < 100)
      items_.push_back(v);
  }

private:
  std::recursive_mutex m_;
  std::vector<int> items_;
};

#ifdef FEARLESS_RUN
int main() {
  Cache c;
  c.add(1);
}
#endif
