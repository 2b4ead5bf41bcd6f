// The twin of ok-lambda-stored-under-lock.cpp: a helper that calls the
// lambda it is given runs it now, under m_, and the lambda locks m_ again.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: hang
#include <mutex>

template <class F> void now(F f) { f(); }

class Timer {
public:
  void arm() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here, and still held}}
    now([this] { // expected-warning {{'m_' is locked again while this thread holds it (by this call), which deadlocks [fearless-deadlock]}} expected-note {{help: 'm_' is not recursive: do not lock it again (split out a helper that expects it held), or make it a std::recursive_mutex}}
      std::lock_guard<std::mutex> g2(m_); // expected-note {{'m_' is locked again here}}
      ++fired_;
    });
  }

private:
  std::mutex m_;
  int fired_ = 0;
};

#ifdef FEARLESS_RUN
int main() {
  Timer t;
  t.arm();
}
#endif
