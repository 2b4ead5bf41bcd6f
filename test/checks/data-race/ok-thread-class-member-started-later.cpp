// The twin of thread-class-member-started-later.cpp: the getter takes the
// lock the worker holds. No race.
// RUN: %fearless-mock -std=c++17 -I %S/../../Inputs -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include "classes/thread_class.h"
#include <atomic>
#include <mutex>

class Loop {
public:
  Loop() : thread_(std::bind(&Loop::run, this)) {}
  void startLoop() { thread_.start(); }
  void quit() { quit_ = true; }
  long turns() {
    std::lock_guard<std::mutex> g(m_);
    return turns_;
  }

private:
  void run() {
    while (!quit_) {
      std::lock_guard<std::mutex> g(m_);
      ++turns_;
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
