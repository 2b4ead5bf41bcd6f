// The twins of detached-thread-uses-this.cpp: a class whose destructor
// waits for the detached thread to finish, and an object that lives for
// the whole program.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: address -fsanitize-address-use-after-return=always
// expected-no-diagnostics
#include <condition_variable>
#include <mutex>
#include <thread>
void pause_ms(int);

class Flusher {
public:
  ~Flusher() {
    std::unique_lock<std::mutex> l(m_);
    done_cv_.wait(l, [this] { return done_; });
  }
  void flush_async() {
    std::thread([this] {
      pause_ms(50);
      std::lock_guard<std::mutex> g(m_);
      done_ = true;
      done_cv_.notify_all();
    }).detach();
  }

private:
  std::mutex m_;
  std::condition_variable done_cv_;
  bool done_ = false;
};

class Ticker {
public:
  void start() {
    std::thread([this] { ++ticks_; }).detach();
  }

private:
  int ticks_ = 0;
};

Ticker global_ticker;

void handle() {
  Flusher f;
  f.flush_async();
  global_ticker.start();
}

#ifdef FEARLESS_RUN
#include <chrono>
void pause_ms(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}
int main() {
  handle();
  pause_ms(200);
}
#endif
