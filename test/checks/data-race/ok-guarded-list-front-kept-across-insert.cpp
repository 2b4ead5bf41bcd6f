// A reference to the front of a std::list is taken under the lock and used
// after unlock(); the only other writer inserts under the lock. Inserting
// into a list keeps references to the other elements valid and does not
// touch them, and only this worker erases, after the use.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

class Log {
public:
  ~Log() {
    {
      std::lock_guard<std::mutex> g(m_);
      closing_ = true;
    }
    if (worker_)
      worker_->join();
  }
  void start() { worker_.reset(new std::thread(&Log::run, this)); }
  void add(const std::string &line) {
    std::lock_guard<std::mutex> g(m_);
    lines_.insert(lines_.end(), line);
  }

private:
  void run() {
    m_.lock();
    while (!closing_) {
      if (lines_.empty()) {
        m_.unlock();
        std::this_thread::yield();
        m_.lock();
        continue;
      }
      const std::string &line = lines_.front();
      m_.unlock();
      written_ += line.size();
      m_.lock();
      lines_.pop_front();
    }
    m_.unlock();
  }

  std::mutex m_;
  std::list<std::string> lines_;
  unsigned long written_ = 0;
  bool closing_ = false;
  std::unique_ptr<std::thread> worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Log log;
  log.start();
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < end)
    log.add(std::string(40, 'x'));
}
#endif
