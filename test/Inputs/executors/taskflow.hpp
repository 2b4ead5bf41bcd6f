// A small stand-in for taskflow's executor (taskflow/core/executor.hpp),
// written for the tests: the same names and shapes (tf::Executor::async
// returning a std::future, silent_async, wait_for_all, a destructor that
// waits): declarations only, and, for the tests' programs (FEARLESS_RUN,
// bench/confirm), a thread per task underneath. taskflow itself is
// header-only and not in Debian.
#pragma GCC system_header
#ifndef FEARLESS_TEST_TASKFLOW_HPP
#define FEARLESS_TEST_TASKFLOW_HPP

#include <future>

#ifndef FEARLESS_RUN
namespace tf {
class Executor {
public:
  explicit Executor(unsigned workers = 4);
  Executor(const Executor &) = delete;
  ~Executor(); // calls wait_for_all()
  template <class F> auto async(F &&f) -> std::future<decltype(f())> {
    return {};
  }
  template <class F> void silent_async(F &&f) {}
  void wait_for_all();
  unsigned num_workers() const;
};
} // namespace tf
#else
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tf {

class Executor {
public:
  explicit Executor(unsigned workers = 4) : workers_(workers) {}
  Executor(const Executor &) = delete;
  ~Executor() { wait_for_all(); }

  /// Runs f on a worker; the future is ready when it has run.
  template <class F> auto async(F &&f) {
    using R = decltype(f());
    std::packaged_task<R()> task(std::forward<F>(f));
    std::future<R> result = task.get_future();
    start(std::thread(std::move(task)));
    return result;
  }

  /// Runs f on a worker, with no future.
  template <class F> void silent_async(F &&f) {
    start(std::thread(std::forward<F>(f)));
  }

  /// Blocks until every task submitted so far has run.
  void wait_for_all() {
    std::vector<std::thread> running;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      running.swap(threads_);
    }
    for (std::thread &t : running)
      t.join();
  }

  unsigned num_workers() const { return workers_; }

private:
  void start(std::thread t) {
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.push_back(std::move(t));
  }

  unsigned workers_;
  std::mutex mutex_;
  std::vector<std::thread> threads_;
};

} // namespace tf

#endif // FEARLESS_RUN

#endif
