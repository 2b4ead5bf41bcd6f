// A worker takes a reference to the front of a std::queue under the lock,
// uses it after unlock() and pops it afterwards; but several workers run the
// same loop: one pops the element another still reads. (With one worker,
// its own pop comes after its use: ok-guarded-deque-front-kept-across-push.)
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <condition_variable>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

class Deleter {
public:
  ~Deleter() {
    {
      std::lock_guard<std::mutex> g(m_);
      closing_ = true;
    }
    cv_.notify_all();
    for (std::thread &w : workers_)
      w.join();
  }
  void start() {
    for (int i = 0; i < 2; ++i)
      workers_.emplace_back(&Deleter::run, this); // expected-note {{the thread is spawned here}}
  }
  void add(const std::string &name) {
    std::lock_guard<std::mutex> g(m_);
    queue_.emplace(name);
    cv_.notify_one();
  }

private:
  void run() {
    std::unique_lock<std::mutex> l(m_); // expected-note {{'m_' is locked here}}
    while (true) {
      cv_.wait(l, [this] { return closing_ || !queue_.empty(); });
      if (closing_)
        return;
      const std::string &name = queue_.front(); // expected-note {{the reference to 'queue_' is taken here, while 'm_' is held}}
      l.unlock(); // expected-note {{'m_' is released here}}
      unsigned long n = 0;
      for (char c : name) // expected-warning {{reference to 'queue_' escapes the lock 'm_' that guards it}} expected-note {{help: keep 'm_' locked while using the reference, or copy what it refers to before 'm_' is released}} expected-note {{the other read is here}}
        n += c;
      l.lock(); // expected-note {{'m_' is held here, but not at the other access}}
      if (!queue_.empty())
        queue_.pop(); // expected-note {{'queue_' is written here, under 'm_', possibly at the same time}} expected-warning {{data race on 'queue_': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'm_' at the other access too}}
      done_ += n;
    }
  }

  std::mutex m_;
  std::condition_variable cv_;
  std::queue<std::string> queue_;
  unsigned long done_ = 0;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Deleter d;
  d.start();
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
  while (std::chrono::steady_clock::now() < end)
    for (int i = 0; i < 100; ++i)
      d.add(std::string(64, 'x'));
}
#endif
