// The shape of DeveloperPaul123/thread-pool: one locked queue per worker,
// each a field of a small struct the pool keeps in a container (reached
// as queues_[i].tasks), and workers started by a constructor that is a
// member template. The destructor lets the workers drain their queues,
// then joins them. No annotations.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>
#include <utility>
#include <vector>

template <class T> class LockedDeque {
public:
  void push_back(T &&v) {
    std::lock_guard<std::mutex> l(m_);
    d_.push(std::move(v));
  }
  std::optional<T> pop_front() {
    std::lock_guard<std::mutex> l(m_);
    if (d_.empty())
      return std::nullopt;
    std::optional<T> f = std::move(d_.front());
    d_.pop();
    return f;
  }
  bool empty() {
    std::lock_guard<std::mutex> l(m_);
    return d_.empty();
  }

private:
  std::queue<T> d_;
  std::mutex m_;
};

struct NoInit {
  void operator()() const {}
};

class QueuePerWorkerPool {
  struct Slot {
    LockedDeque<std::function<void()>> tasks;
  };

public:
  template <class Init = NoInit>
  explicit QueuePerWorkerPool(unsigned n, Init init = Init()) : queues_(n) {
    for (unsigned i = 0; i < n; ++i)
      workers_.emplace_back([this, i, init] {
        init();
        for (;;) {
          while (auto task = queues_[i].tasks.pop_front())
            (*task)();
          if (stop_)
            return;
          std::this_thread::yield();
        }
      });
  }
  ~QueuePerWorkerPool() {
    while (!drained())
      std::this_thread::yield();
    stop_ = true;
    for (std::thread &w : workers_)
      w.join();
  }
  template <class F> void post(F f) {
    queues_[next_++ % queues_.size()].tasks.push_back(
        std::function<void()>(std::move(f)));
  }

private:
  bool drained() {
    for (Slot &s : queues_)
      if (!s.tasks.empty())
        return false;
    return true;
  }
  std::vector<Slot> queues_;
  std::vector<std::thread> workers_;
  std::atomic<bool> stop_{false};
  unsigned next_ = 0;
};
