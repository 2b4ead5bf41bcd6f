// Regression (oneTBB): detached threads waited for by hand (a loop on an
// atomic counter they decrement last) are not a definite bug.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
struct Body {
  std::atomic<int> &pending;
  void operator()() const { --pending; } // last touch of the borrowed counter
};
void run() {
  std::atomic<int> pending(4);
  for (int i = 0; i < 4; ++i)
    std::thread(Body{pending}).detach();
  while (pending) // hand-made join: waits until every thread is done with it
    std::this_thread::yield();
}
