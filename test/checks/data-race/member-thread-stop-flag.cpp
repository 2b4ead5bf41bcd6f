// A member thread polls a plain bool that stop() clears: a data race (use
// std::atomic<bool> or std::jthread's stop_token).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

class Poller {
public:
  void start() { worker_ = std::thread(&Poller::run, this); } // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void stop() { // expected-note {{'stop' is a public member function: it may be called while the thread runs}}
    running_ = false; // expected-warning {{data race on 'running_'}} expected-note {{help: make 'running_' a std::atomic<bool>}}
    if (worker_.joinable())
      worker_.join(); // expected-note {{'stop' joins the thread only here}}
  }
  ~Poller() { stop(); }

private:
  void run() {
    while (running_) { // expected-note {{the other read is here}}
    }
  }
  bool running_ = true;
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Poller p; p.start(); std::this_thread::sleep_for(std::chrono::milliseconds(20)); p.stop();
}
#endif
