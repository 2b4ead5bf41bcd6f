// The worker is declared after the members it uses: they exist before it
// starts and are destroyed after it is joined.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

class Logger {
  std::vector<int> lines_;
  std::mutex m_;
  std::atomic<bool> stop_{false};
  std::thread worker_;

public:
  Logger() : worker_([this] { run(); }) {}
  ~Logger() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    std::lock_guard<std::mutex> g(m_);
    lines_.push_back(1);
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 100; ++i)
    Logger l;
}
#endif
