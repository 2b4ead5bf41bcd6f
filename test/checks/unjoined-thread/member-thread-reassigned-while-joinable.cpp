// The constructor starts a thread in worker_; restart() assigns a new one
// without joining the first: std::thread's move assignment calls
// std::terminate when the target still owns a thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: abort
#include <atomic>
#include <thread>

class Ticker {
public:
  Ticker() : worker_([this] { tick(); }) {} // expected-note {{the constructor starts a thread in 'worker_' here, and nothing joins it before this assignment}}
  void restart() { worker_ = std::thread([this] { tick(); }); } // expected-warning {{assigning a new thread to 'worker_' calls std::terminate while it still owns the thread the constructor started}} expected-note {{join the old thread first: if (worker_.joinable()) worker_.join();}}
  ~Ticker() {
    if (worker_.joinable())
      worker_.join();
  }

private:
  void tick() { ticks_.fetch_add(1); }
  std::atomic<int> ticks_{0};
  std::thread worker_;
};

#ifdef FEARLESS_RUN
int main() {
  Ticker t;
  t.restart(); // terminates
}
#endif
