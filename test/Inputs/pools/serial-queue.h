// A hand-written serial executor: one worker thread, started in the
// constructor, runs the posted callables one after the other.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>

class SerialQueue {
public:
  SerialQueue() : worker_([this] { run(); }) {}
  ~SerialQueue() {
    {
      std::lock_guard<std::mutex> g(m_);
      stop_ = true;
    }
    cv_.notify_one();
    worker_.join();
  }
  void post(std::function<void()> fn) {
    {
      std::lock_guard<std::mutex> g(m_);
      jobs_.push(std::move(fn));
    }
    cv_.notify_one();
  }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> l(m_);
        cv_.wait(l, [this] { return stop_ || !jobs_.empty(); });
        if (stop_ && jobs_.empty())
          return;
        job = std::move(jobs_.front());
        jobs_.pop();
      }
      job();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::queue<std::function<void()>> jobs_;
  std::thread worker_;
};
