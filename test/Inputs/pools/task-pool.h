// A hand-written thread pool, as found in many code bases: submit() queues
// a std::function that the pool's own worker threads pop and run;
// wait_idle() blocks until every queued task has finished; the destructor
// lets the workers drain the queue, then joins them. No annotations.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

class TaskPool {
public:
  explicit TaskPool(int threads) {
    for (int i = 0; i < threads; ++i)
      workers_.emplace_back([this] { run(); });
  }
  ~TaskPool() {
    {
      std::lock_guard<std::mutex> g(m_);
      stop_ = true;
    }
    ready_.notify_all();
    for (std::thread &w : workers_)
      w.join();
  }
  template <class F> void submit(F &&task) {
    {
      std::lock_guard<std::mutex> g(m_);
      tasks_.push(std::function<void()>(std::forward<F>(task)));
    }
    ready_.notify_one();
  }
  void wait_idle() {
    std::unique_lock<std::mutex> l(m_);
    idle_.wait(l, [this] { return tasks_.empty() && active_ == 0; });
  }

private:
  void run() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> l(m_);
        ready_.wait(l, [this] { return stop_ || !tasks_.empty(); });
        if (stop_ && tasks_.empty())
          return;
        task = std::move(tasks_.front());
        tasks_.pop();
        ++active_;
      }
      task();
      {
        std::lock_guard<std::mutex> g(m_);
        --active_;
      }
      idle_.notify_all();
    }
  }
  std::mutex m_;
  std::condition_variable ready_, idle_;
  bool stop_ = false;
  int active_ = 0;
  std::queue<std::function<void()>> tasks_;
  std::vector<std::thread> workers_;
};
