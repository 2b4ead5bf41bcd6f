// A lambda that locks m_ is stored under m_ (assigned to a std::function
// member, pushed into a vector of handlers) and called later, without the
// lock: storing a callable does not run it, so m_ is never locked twice.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <mutex>
#include <vector>

class Timer {
public:
  void arm() {
    std::lock_guard<std::mutex> g(m_);
    cb_ = [this] {
      std::lock_guard<std::mutex> g2(m_);
      ++fired_;
    };
    handlers_.push_back([this] {
      std::lock_guard<std::mutex> g2(m_);
      ++fired_;
    });
  }
  void fire() {
    std::function<void()> cb;
    std::vector<std::function<void()>> hs;
    {
      std::lock_guard<std::mutex> g(m_);
      cb = cb_;
      hs = handlers_;
    }
    cb();
    for (auto &h : hs)
      h();
  }

private:
  std::mutex m_;
  int fired_ = 0;
  std::function<void()> cb_;
  std::vector<std::function<void()>> handlers_;
};

#ifdef FEARLESS_RUN
int main() {
  Timer t;
  t.arm();
  t.fire();
}
#endif
