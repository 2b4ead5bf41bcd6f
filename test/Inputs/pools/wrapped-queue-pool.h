// The shape of the widely copied vit-vit/CTPL pool: the tasks live in a
// small locked queue class of the pool's own (push/pop, no condition
// variable), as heap-allocated std::function pointers; each worker is a
// std::thread behind a std::unique_ptr, started with reset(new
// std::thread(f)) from a lambda held in a local; push() wraps the task in
// a shared std::packaged_task and returns its future. No annotations.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

namespace wrapped {

template <typename T> class LockedQueue {
public:
  bool push(T const &value) {
    std::unique_lock<std::mutex> lock(m_);
    q_.push(value);
    return true;
  }
  bool pop(T &v) {
    std::unique_lock<std::mutex> lock(m_);
    if (q_.empty())
      return false;
    v = q_.front();
    q_.pop();
    return true;
  }

private:
  std::queue<T> q_;
  std::mutex m_;
};

class Pool {
public:
  explicit Pool(int n) {
    threads_.resize(n);
    for (int i = 0; i < n; ++i)
      start(i);
  }
  ~Pool() {
    {
      std::unique_lock<std::mutex> lock(m_);
      done_ = true;
      cv_.notify_all();
    }
    for (auto &t : threads_)
      if (t->joinable())
        t->join();
  }
  template <typename F> auto push(F &&f) -> std::future<decltype(f(0))> {
    auto task = std::make_shared<std::packaged_task<decltype(f(0))(int)>>(
        std::forward<F>(f));
    auto *fn = new std::function<void(int)>([task](int id) { (*task)(id); });
    tasks_.push(fn);
    std::unique_lock<std::mutex> lock(m_);
    cv_.notify_one();
    return task->get_future();
  }

private:
  void start(int i) {
    auto worker = [this, i] {
      std::function<void(int)> *fn = nullptr;
      for (;;) {
        while (tasks_.pop(fn)) {
          std::unique_ptr<std::function<void(int)>> owned(fn);
          (*fn)(i);
        }
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return (fn = nullptr, tasks_.pop(fn)) || done_; });
        if (!fn)
          return;
        lock.unlock();
        std::unique_ptr<std::function<void(int)>> owned(fn);
        (*fn)(i);
      }
    };
    threads_[i].reset(new std::thread(worker));
  }

  std::vector<std::unique_ptr<std::thread>> threads_;
  LockedQueue<std::function<void(int)> *> tasks_;
  std::mutex m_;
  std::condition_variable cv_;
  bool done_ = false;
};

} // namespace wrapped
