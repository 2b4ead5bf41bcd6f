// setMaxQueueSize() writes what the workers read, under the queue's lock
// because they read it inside their critical section, and nothing in this
// translation unit calls it: a plain setter of what the workers only read
// is configuration made before start() (muduo's ThreadPool: "Must be called
// before start()"). The lock at the read says nothing about the setter: no
// write of the field is ever locked. The twin whose worker also writes the
// field is member-thread-setter-called-elsewhere-worker-writes.cpp.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <atomic>
#include <mutex>
#include <thread>

class Pool {
public:
  void setMaxQueueSize(unsigned n) { max_ = n; }
  void start() { thread_ = std::thread(&Pool::run, this); }
  void stop() {
    stop_ = true;
    thread_.join();
  }

private:
  void run() {
    while (!stop_) {
      std::lock_guard<std::mutex> g(m_);
      if (max_ > 0 && pending_ >= max_)
        pending_ = 0;
      ++pending_;
    }
  }
  std::mutex m_;
  unsigned max_ = 0;
  unsigned pending_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Pool p;
  p.setMaxQueueSize(4);
  p.start();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  p.stop();
}
#endif
