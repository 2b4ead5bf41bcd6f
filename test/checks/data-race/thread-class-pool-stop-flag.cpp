// A pool keeps its workers as objects of its own thread class (muduo's
// ThreadPool and Thread): each is constructed from std::bind(&Pool::work,
// this) and started at once. stop() clears the flag under the lock, the
// workers read it without: a data race (muduo ThreadPool.cc:56/:128).
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
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
      threads_[i]->start(); // expected-note {{the thread is spawned here and kept in 'threads_'; it may still run when 'start' returns}}
    }
  }
  void stop() { // expected-note {{'stop' is a public member function: it may be called while the thread runs}}
    {
      std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
      running_ = false; // expected-warning {{data race on 'running_': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'm_' at the other access too}}
    }
    for (auto &t : threads_)
      t->join(); // expected-note {{'stop' joins the thread only here}}
  }

private:
  void work() {
    while (running_) { // expected-note {{the other read is here}}
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
