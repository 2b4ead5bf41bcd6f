// An iterator into the queue is taken inside the guard's scope and
// dereferenced after the scope ends, while another thread writes the front
// element under the lock.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <deque>
#include <mutex>

class Jobs {
public:
  int first() {
    std::deque<int>::iterator it;
    {
      std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
      it = q_.begin(); // expected-note {{the iterator to 'q_' is taken here, while 'm_' is held}}
    } // expected-note {{'m_' is released here}}
    return *it; // expected-warning {{iterator to 'q_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the iterator, or copy what it refers to before 'm_' is released}}
  }
  void bump() {
    std::lock_guard<std::mutex> g(m_);
    ++q_.front(); // expected-note {{'q_' is written here, under 'm_', possibly at the same time}}
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
