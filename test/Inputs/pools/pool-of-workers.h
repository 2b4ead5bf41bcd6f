// The shape of inkooboo/thread-pool-cpp: the pool owns neither a queue nor
// a thread. It holds workers behind unique_ptrs, each with its own locked
// queue and its own thread (started with &Worker::run, this), and post()
// hands the task to one of them through an accessor. post() returns
// nothing: callers wait through a std::packaged_task's future. No
// annotations.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

class QueueWorker {
public:
  QueueWorker() { thread_ = std::thread(&QueueWorker::run, this); }
  ~QueueWorker() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    ready_.notify_all();
    thread_.join();
  }
  template <class F> void post(F &&f) {
    // Move-only tasks (a std::packaged_task) live behind a shared_ptr.
    auto task = std::make_shared<typename std::decay<F>::type>(
        std::forward<F>(f));
    {
      std::lock_guard<std::mutex> l(m_);
      tasks_.push([task] { (*task)(); });
    }
    ready_.notify_one();
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
      }
      task();
    }
  }
  std::queue<std::function<void()>> tasks_;
  std::mutex m_;
  std::condition_variable ready_;
  bool stop_ = false;
  std::thread thread_;
};

class WorkerPool {
public:
  explicit WorkerPool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back(new QueueWorker);
  }
  template <class F> void post(F &&f) { worker().post(std::forward<F>(f)); }

private:
  QueueWorker &worker() { return *workers_[next_++ % workers_.size()]; }
  std::vector<std::unique_ptr<QueueWorker>> workers_;
  std::atomic<unsigned> next_{0};
};
