// The worker is declared first and started in its member initializer: it
// may use the queue and the mutex before they are constructed.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

class Logger {
  std::thread worker_; // expected-note {{declare 'worker_' after the members its thread uses, or start the thread in the constructor's body}}
  std::vector<int> lines_; // expected-note {{'lines_' is declared after 'worker_', so it is constructed after the thread starts}}
  std::mutex m_;
  std::atomic<bool> stop_{false};

public:
  Logger() : worker_([this] { run(); }) {} // expected-note {{reached through this call}} expected-note {{the thread is started here, in the initializer of 'worker_'}}
  ~Logger() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    std::lock_guard<std::mutex> g(m_);
    lines_.push_back(1); // expected-warning {{the thread may use 'lines_' before it is constructed}}
  }
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 100; ++i)
    Logger l;
}
#endif
