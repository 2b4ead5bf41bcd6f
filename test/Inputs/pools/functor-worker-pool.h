// The shape of mtrebi/thread-pool: each worker thread runs a nested
// function object holding a pointer to the pool (std::thread(Worker{this})),
// whose operator() runs the pool's loop; the destructor lets the workers
// drain the queue, then joins them. No annotations.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

class FunctorPool {
  struct Worker {
    FunctorPool *pool;
    void operator()() { pool->loop(); }
  };

public:
  explicit FunctorPool(int n) {
    for (int i = 0; i < n; ++i)
      threads_.push_back(std::thread(Worker{this}));
  }
  ~FunctorPool() {
    {
      std::lock_guard<std::mutex> l(m_);
      stop_ = true;
    }
    ready_.notify_all();
    for (std::thread &t : threads_)
      t.join();
  }
  template <class F> void submit(F f) {
    {
      std::lock_guard<std::mutex> l(m_);
      tasks_.push(std::function<void()>(std::move(f)));
    }
    ready_.notify_one();
  }

private:
  void loop() {
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
  std::vector<std::thread> threads_;
};
