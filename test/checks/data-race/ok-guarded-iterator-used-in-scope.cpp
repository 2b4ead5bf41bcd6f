// The iterator is dereferenced inside the guard's scope.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <deque>
#include <mutex>

class Jobs {
public:
  int first() {
    int v;
    {
      std::lock_guard<std::mutex> g(m_);
      std::deque<int>::iterator it = q_.begin();
      v = *it;
    }
    return v;
  }
  void bump() {
    std::lock_guard<std::mutex> g(m_);
    ++q_.front();
  }
  explicit Jobs(int n) : q_(n, 0) {}

private:
  std::mutex m_;
  std::deque<int> q_;
};

#ifdef FEARLESS_RUN
#include <thread>
int main() {
  Jobs j(4);
  std::thread t([&] {
    for (int i = 0; i < 100000; ++i)
      j.bump();
  });
  long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += j.first();
  t.join();
  return n == 7;
}
#endif
