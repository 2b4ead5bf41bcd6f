// A thread class whose bodies are in another translation unit (muduo's
// Thread: Thread.h here, Thread.cc elsewhere) cannot be inferred; the
// ThreadStartFunctions option names its start(), JoinFunctions its join().
// The pool's stop() clears the flag under the lock, its workers read it
// without: a data race (muduo ThreadPool.cc:56/:128).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s \
// RUN:   -fplugin-arg-fearless-ThreadStartFunctions='net::Thread::start' \
// RUN:   -fplugin-arg-fearless-JoinFunctions='net::Thread::join'
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace net {
class Thread {
public:
  explicit Thread(std::function<void()> f, int priority = 0);
  ~Thread();
  void start();
  int join();
};
} // namespace net

class Pool {
public:
  void start(int n) {
    running_ = true;
    for (int i = 0; i < n; ++i) {
      threads_.emplace_back(new net::Thread(std::bind(&Pool::work, this)));
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
  std::vector<std::unique_ptr<net::Thread>> threads_;
};
