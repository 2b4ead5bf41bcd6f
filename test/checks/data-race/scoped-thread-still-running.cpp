// A thread owned by a joining guard runs until the guard dies: the
// spawner's write before that races with the thread's read.
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <thread>
#include <utility>
class ScopedThread {
  std::thread t;

public:
  explicit ScopedThread(std::thread t_) : t(std::move(t_)) {}
  ~ScopedThread() { t.join(); }
};
void use(int);
void run() {
  int x = 0;
  ScopedThread guard(std::thread([&] { use(x); })); // expected-note {{the other read is here}} expected-note {{the thread is spawned here}}
  x = 1; // expected-warning {{data race on 'x': this write can run at the same time as a read in another thread}} expected-note {{help: make 'x' a std::atomic<int>}}
}
