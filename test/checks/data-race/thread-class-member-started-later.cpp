// A member of the class's own thread class, constructed in the constructor
// from std::bind(&Loop::run, this) and started later by startLoop(); the
// destructor joins it. The worker bumps a counter that a public getter
// reads without the lock the worker holds: a data race (muduo's
// EventLoopThread shape).
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
#include "classes/thread_class.h"
#include <atomic>
#include <mutex>

class Loop {
public:
  Loop() : thread_(std::bind(&Loop::run, this)) {}
  void startLoop() { thread_.start(); } // expected-note {{the thread is spawned here and kept in 'thread_'; it may still run when 'startLoop' returns}}
  void quit() { quit_ = true; }
  long turns() const { return turns_; } // expected-note {{the other read is here}} expected-note {{'turns' is a public member function: it may be called while the thread runs}}

private:
  void run() {
    while (!quit_) {
      std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is held here, but not at the other access}}
      ++turns_; // expected-warning {{data race on 'turns_': this write can run at the same time as a read in another thread}} expected-note {{help: hold 'm_' at the other access too}}
    }
  }
  std::mutex m_;
  long turns_ = 0;
  std::atomic<bool> quit_{false};
  JoiningThread thread_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Loop l;
  l.startLoop();
  long t = 0;
  for (int i = 0; i < 1000; ++i)
    t += l.turns();
  l.quit();
  return t == -1;
}
#endif
