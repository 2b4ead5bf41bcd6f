// The worker reads the exit code only after its loop ends, and the
// loop ends only when the destructor clears 'running_' under the lock: a
// setter that leaves the flag alone (a member template, here) never runs
// beside that call. (Reduced from BS::thread_pool's set_cleanup_func.)
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

void log(int);

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
  template <class T> void set_exit_code(T code) { exit_code_ = code; }

private:
  void work() {
    while (true) {
      std::unique_lock<std::mutex> l(m_);
      cv_.wait(l, [this] { return !running_; });
      if (!running_)
        break;
    }
    log(exit_code_);
  }
  std::mutex m_;
  std::condition_variable cv_;
  bool running_ = true;
  int exit_code_ = 0;
  std::thread thread_;
};

void configure(Worker &w) { w.set_exit_code(3); }

#ifdef FEARLESS_RUN
int logged = -1;
void log(int code) { logged = code; }
int main() {
  {
    Worker w;
    configure(w);
  }
  return logged != 3;
}
#endif
