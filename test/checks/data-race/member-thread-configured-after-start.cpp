// The twin of ok-member-thread-configured-before-start.cpp: one call of
// setRate() comes after start(), while the worker reads the rate (the race
// member-thread-setter-locked.cpp confirms under TSan; this program's TSan
// run stays silent although the worker sees the new values).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <atomic>
#include <thread>

class Sampler {
public:
  void setRate(int r) { rate_ = r; } // expected-warning {{data race on 'rate_'}} expected-note {{'setRate' is a public member function: it may be called while the thread runs}} expected-note {{help: make 'rate_' a std::atomic<int>}}
  void start() { worker_ = std::thread(&Sampler::run, this); } // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    long total = 0;
    while (!stop_)
      total += rate_; // expected-note {{the other read is here}}
    (void)total;
  }
  std::atomic<bool> stop_{false};
  std::thread worker_;
  int rate_ = 1;
};

int main() {
  Sampler s;
  s.setRate(5);
  s.start();
  for (int i = 0; i < 300000; ++i)
    s.setRate(i);
  s.stop();
}
