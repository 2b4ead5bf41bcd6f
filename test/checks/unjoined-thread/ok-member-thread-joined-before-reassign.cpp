// restart() joins the thread the constructor started before it assigns a
// new one.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <atomic>
#include <thread>

class Ticker {
public:
  Ticker() : worker_([this] { tick(); }) {}
  void restart() {
    if (worker_.joinable())
      worker_.join();
    worker_ = std::thread([this] { tick(); });
  }
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
  t.restart();
}
#endif
