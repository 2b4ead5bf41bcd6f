// The worker calls the cleanup callback only after its loop ends, and the
// loop ends only when the destructor clears 'running_' under the lock: a
// setter that leaves the flag alone (a member template, here) never runs
// beside that call. (Reduced from BS::thread_pool's set_cleanup_func.)
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

class Worker {
public:
  Worker() : thread_([this] { work(); }) {}
  ~Worker() {
    {
      std::lock_guard<std::mutex> g(m_);
      running_ = false;
    }
    cv_.notify_all();
    thread_.join();
  }
  template <class F> void set_cleanup(F &&f) { cleanup_ = std::forward<F>(f); }

private:
  void work() {
    while (true) {
      std::unique_lock<std::mutex> l(m_);
      cv_.wait(l, [this] { return !running_; });
      if (!running_)
        break;
    }
    cleanup_();
  }
  std::mutex m_;
  std::condition_variable cv_;
  bool running_ = true;
  std::function<void()> cleanup_ = [] {};
  std::thread thread_;
};

#ifdef FEARLESS_RUN
int main() {
  int cleaned = 0;
  {
    Worker w;
    w.set_cleanup([&] { ++cleaned; });
  }
  return cleaned != 1;
}
#endif
