// Callables stored under a lock against the real libstdc++ 12 headers, whose
// std::function has an assignment operator template taking the lambda
// itself: storing it does not run it (ok-lambda-stored-under-lock.cpp).
// Also std::make_shared, std::bind and a member template that queues it.
// RUN: %fearless -std=c++17 -pthread -Xclang -verify %s
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

// A std::function made by std::make_shared, and a std::bind of a lambda,
// keep the lambda (FEARLESS_STORING_FUNCTION in Models/Containers.def);
// a member function template that only queues it keeps it too.
#include <deque>
#include <memory>
class Job {
public:
  void prepare(int k) {
    std::lock_guard<std::mutex> g(m_);
    step_ = std::make_shared<std::function<void()>>([this] {
      std::lock_guard<std::mutex> g2(m_);
      ++n_;
    });
    again_ = std::bind([this](int add) {
      std::lock_guard<std::mutex> g2(m_);
      n_ += add;
    }, k);
    post([this] {
      std::lock_guard<std::mutex> g2(m_);
      ++n_;
    });
  }
  template <class F> void post(F f) { queue_.emplace_back(std::move(f)); }

private:
  std::mutex m_;
  int n_ = 0;
  std::shared_ptr<std::function<void()>> step_;
  std::function<void()> again_;
  std::deque<std::function<void()>> queue_;
};

#ifdef FEARLESS_RUN
int main() {
  Timer t;
  t.arm();
  t.fire();
}
#endif
