// What the worker does after its loop runs beside the member function that
// stops it: stop() writes 'reason_' after releasing the worker, while the
// worker reads it on its way out.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <condition_variable>
#include <mutex>
#include <thread>

void log(int);

class Worker {
public:
  Worker() : thread_([this] { work(); }) {} // expected-note {{the thread is spawned here and kept in 'thread_'; it may still run when the constructor returns}} expected-note {{reached through this call}}
  void stop(int why) { // expected-note {{'stop' is a public member function: it may be called while the thread runs}}
    {
      std::lock_guard<std::mutex> g(m_);
      running_ = false;
    }
    cv_.notify_all();
    reason_ = why; // expected-warning {{data race on 'reason_'}} expected-note {{help: make 'reason_' a std::atomic<int>}}
    thread_.join(); // expected-note {{'stop' joins the thread only here}}
  }
  ~Worker() {
    if (thread_.joinable())
      stop(0);
  }

private:
  void work() {
    while (true) {
      std::unique_lock<std::mutex> l(m_);
      cv_.wait(l, [this] { return !running_; });
      if (!running_)
        break;
    }
    log(reason_); // expected-note {{the other read is here}}
  }
  std::mutex m_;
  std::condition_variable cv_;
  bool running_ = true;
  int reason_ = 0;
  std::thread thread_;
};

#ifdef FEARLESS_RUN
void log(int) {}
int main() {
  Worker w;
  w.stop(7);
}
#endif
