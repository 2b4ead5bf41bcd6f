// A thread moved into a user-defined RAII guard whose destructor joins it
// (C++ Concurrency in Action's scoped_thread) is joined when the guard dies,
// before the locals declared ahead of the guard.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <utility>
class ScopedThread {
  std::thread t;

public:
  explicit ScopedThread(std::thread t_) : t(std::move(t_)) {}
  ~ScopedThread() { t.join(); }
  ScopedThread(const ScopedThread &) = delete;
};
void use(int);
void fromTemporary() {
  int x = 0;
  ScopedThread guard(std::thread([&] { use(x); }));
}
void fromHandle() {
  int y = 0;
  std::thread t([&] { use(y); });
  ScopedThread guard(std::move(t));
}
