// A worker started in the constructor bumps a counter that a public getter
// reads while it runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <atomic>
#include <thread>

class Counter {
public:
  Counter() : worker_([this] { loop(); }) {} // expected-note {{reached through this call}} expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when the constructor returns}}
  ~Counter() {
    done_ = true;
    worker_.join();
  }
  long processed() const { return processed_; } // expected-note {{the other read is here}} expected-note {{'processed' is a public member function: it may be called while the thread runs}}

private:
  void loop() {
    while (!done_)
      ++processed_; // expected-warning {{data race on 'processed_'}} expected-note {{help: make 'processed_' a std::atomic<long>}}
  }
  std::atomic<bool> done_{false};
  long processed_ = 0;
  std::thread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Counter c; std::this_thread::sleep_for(std::chrono::milliseconds(20)); long n = 0; for (int i = 0; i < 300000; ++i) n += c.processed(); return n < 0;
}
#endif
