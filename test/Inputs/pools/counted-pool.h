// A pool whose enqueue() returns the task's future and whose wait_all()
// blocks until no task is in flight (log4cplus's ThreadPool shape).
#pragma once
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <vector>

class CountedPool {
public:
  explicit CountedPool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] {
        for (;;) {
          std::function<void()> task;
          {
            std::unique_lock<std::mutex> l(m_);
            ready_.wait(l, [this] { return stop_ || !tasks_.empty(); });
            if (stop_ && tasks_.empty())
              return;
            task = std::move(tasks_.front());
            tasks_.pop();
          }
          task();
          std::lock_guard<std::mutex> l(m_);
          if (--in_flight_ == 0)
            idle_.notify_all();
        }
      });
  }
  ~CountedPool() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    ready_.notify_all();
    for (std::thread &w : workers_)
      w.join();
  }
  template <class F> std::future<void> enqueue(F f) {
    auto t = std::make_shared<std::packaged_task<void()>>(std::move(f));
    std::future<void> r = t->get_future();
    {
      std::lock_guard<std::mutex> l(m_);
      tasks_.emplace([t] { (*t)(); });
      ++in_flight_;
    }
    ready_.notify_one();
    return r;
  }
  void wait_all() {
    std::unique_lock<std::mutex> l(m_);
    idle_.wait(l, [this] { return in_flight_ == 0; });
  }

private:
  std::vector<std::thread> workers_;
  std::queue<std::function<void()>> tasks_;
  std::mutex m_;
  std::condition_variable ready_, idle_;
  bool stop_ = false;
  int in_flight_ = 0;
};
