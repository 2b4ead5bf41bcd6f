// reset() writes what the running thread reads before start() replaces
// (and so joins) the std::jthread member: the writes race with the old thread.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <thread>

class Sampler {
public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) { // expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}} expected-note {{the thread is spawned here and kept in 'worker_'; it may still run when 'start' returns}}
      while (!st.stop_requested())
        total_ += rate_; // expected-warning {{data race on 'total_'}} expected-note {{help: make 'total_' a std::atomic<long>}} expected-note {{the other read is here}}
    });
  }
  void reset(int rate) { // expected-note {{'reset' is a public member function: it may be called while the thread runs}} expected-note {{'reset' is a public member function: it may be called while the thread runs}}
    rate_ = rate; // expected-warning {{data race on 'rate_'}} expected-note {{help: make 'rate_' a std::atomic<int>}}
    total_ = 0; // expected-note {{the other write is here}}
    start(); // expected-note {{'reset' joins the thread only here}} expected-note {{'reset' joins the thread only here}}
  }

private:
  int rate_ = 1;
  long total_ = 0;
  std::jthread worker_;
};

#ifdef FEARLESS_RUN
#include <chrono>
int main() {
  Sampler s;
  s.start();
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    s.reset(i);
  }
}
#endif
