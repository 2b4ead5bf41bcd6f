// A hand-written blocking queue used as a channel, as found in many code
// bases: send() puts a value into a std::queue under the mutex and notifies;
// receive() waits on the condition variable and takes the front out. No
// annotations: fearless infers that send() hands its argument to the thread
// that calls receive() (core/ChannelInference.cpp), as if its parameter
// were marked fearless::sends.
#pragma once
#include <condition_variable>
#include <mutex>
#include <queue>
#include <utility>

template <class T> class BlockingQueue {
public:
  void send(T value) {
    {
      std::lock_guard<std::mutex> g(m_);
      items_.push(std::move(value));
    }
    ready_.notify_one();
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
};
