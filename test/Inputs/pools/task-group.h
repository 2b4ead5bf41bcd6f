// A task group over a progschj-style pool (TBB task_group's shape): run()
// queues a task and keeps its future, wait() waits for every future kept.
#pragma once
#include "pools/future-pool.h"
#include <vector>

class TaskGroup : public ThreadPool {
public:
  using ThreadPool::ThreadPool;
  template <class F> void run(F &&f) {
    std::function<void()> job(std::forward<F>(f));
    futures_.push_back(enqueue(std::move(job)));
  }
  void wait() {
    for (std::future<void> &f : futures_)
      f.get();
    futures_.clear();
  }

private:
  std::vector<std::future<void>> futures_;
};
