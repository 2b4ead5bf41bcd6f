// A class with a mutex and a container that is not a channel: nothing
// waits for or signals the elements (a recycling pool). A non-Send value
// goes in and out without a report.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/refcounted.h>
#include <mutex>
#include <queue>
#include <utility>

struct Frame {
  int pixels = 0;
};

class FramePool { // no condition variable: whoever calls take() reuses it
public:
  void give_back(Rc<Frame> f) {
    std::lock_guard<std::mutex> g(m_);
    free_.push(std::move(f));
  }
  Rc<Frame> take() {
    std::lock_guard<std::mutex> g(m_);
    Rc<Frame> f = free_.front();
    free_.pop();
    return f;
  }

private:
  std::mutex m_;
  std::queue<Rc<Frame>> free_;
};

void use(FramePool &pool, const Rc<Frame> &f) { pool.give_back(f); }
