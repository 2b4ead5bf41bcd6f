// A reference to the front of a std::queue (over a std::deque) is taken
// under the lock and used after unlock(); the only other writer pushes at
// the back under the lock. A push at either end of a deque keeps references
// to the other elements valid and does not touch them, and only this worker
// pops, after the use: nothing writes what the reference names while it is
// used.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <condition_variable>
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <thread>

class Deleter {
public:
  ~Deleter() {
    {
      std::lock_guard<std::mutex> g(m_);
      closing_ = true;
    }
    cv_.notify_all();
    if (worker_)
      worker_->join();
  }
  void start() { worker_.reset(new std::thread(&Deleter::run, this)); }
  void add(const std::string &name) {
    std::lock_guard<std::mutex> g(m_);
    queue_.emplace(name);
    cv_.notify_one();
  }
  unsigned long done() {
    std::lock_guard<std::mutex> g(m_);
    return done_;
  }

private:
  void run() {
    std::unique_lock<std::mutex> l(m_);
    while (true) {
      cv_.wait(l, [this] { return closing_ || !queue_.empty(); });
      if (closing_)
        return;
      const std::string &name = queue_.front();
      l.unlock();
      unsigned long n = name.size();
      l.lock();
      queue_.pop();
      done_ += n;
    }
  }

  std::mutex m_;
  std::condition_variable cv_;
  std::queue<std::string> queue_;
  unsigned long done_ = 0;
  bool closing_ = false;
  std::unique_ptr<std::thread> worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Deleter d;
  d.start();
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < end)
    for (int i = 0; i < 100; ++i)
      d.add(std::string(40, 'x'));
  while (d.done() == 0) {
  }
}
#endif
