// A thread_guard (C++ Concurrency in Action, listing 2.3) holds a reference
// to a thread and joins it in its destructor: the thread is joined before
// its handle is destroyed, on every path.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
class ThreadGuard {
  std::thread &t;

public:
  explicit ThreadGuard(std::thread &t_) : t(t_) {}
  ~ThreadGuard() {
    if (t.joinable())
      t.join();
  }
  ThreadGuard(const ThreadGuard &) = delete;
};
void work();
bool failed();
void run() {
  std::thread t(work);
  ThreadGuard guard(t);
  if (failed())
    return;
  work();
}
