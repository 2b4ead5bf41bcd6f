// The twin of thread-class-pool-stop-flag.cpp: the workers of the pool's
// own thread class read the flag under the same lock that stop() writes it
// under. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class.h"
#include <memory>
#include <mutex>
#include <vector>

class Pool {
public:
  void start(int n) {
    running_ = true;
    for (int i = 0; i < n; ++i) {
      threads_.emplace_back(new PosixThread(std::bind(&Pool::work, this)));
      threads_[i]->start();
    }
  }
  void stop() {
    {
      std::lock_guard<std::mutex> g(m_);
      running_ = false;
    }
    for (auto &t : threads_)
      t->join();
  }

private:
  bool running() {
    std::lock_guard<std::mutex> g(m_);
    return running_;
  }
  void work() {
    while (running()) {
      std::lock_guard<std::mutex> g(m_);
      ++done_;
    }
  }
  std::mutex m_;
  bool running_ = false;
  long done_ = 0;
  std::vector<std::unique_ptr<PosixThread>> threads_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Pool p;
  p.start(2);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  p.stop();
}
#endif
