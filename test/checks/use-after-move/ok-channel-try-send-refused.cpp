// A send that may refuse the value (`try_send` of a bounded queue) takes it
// only when it succeeds: after a refusal the producer still owns it and may
// use it (issue 13: readerwriterqueue's unittests.cpp, try_enqueue of a
// wrapper, then its pointer taken back).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address
// expected-no-diagnostics
#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <utility>

template <class T> class BoundedQueue {
public:
  explicit BoundedQueue(unsigned capacity) : capacity_(capacity) {}
  bool try_send(T &&value) {
    {
      std::lock_guard<std::mutex> g(m_);
      if (items_.size() >= capacity_)
        return false;
      items_.push(std::move(value));
    }
    ready_.notify_one();
    return true;
  }
  T receive() {
    std::unique_lock<std::mutex> l(m_);
    ready_.wait(l, [this] { return !items_.empty(); });
    T value = std::move(items_.front());
    items_.pop();
    return value;
  }

private:
  std::mutex m_;
  std::condition_variable ready_;
  std::queue<T> items_;
  unsigned capacity_;
};

struct Frame {
  int pixels = 0;
};
void log(int);

void produce(BoundedQueue<std::unique_ptr<Frame>> &q) {
  auto frame = std::make_unique<Frame>();
  if (!q.try_send(std::move(frame)))
    log(frame->pixels); // refused: still ours
}

#ifdef FEARLESS_RUN
void log(int) {}
int main() {
  BoundedQueue<std::unique_ptr<Frame>> q(0);
  produce(q);
}
#endif
