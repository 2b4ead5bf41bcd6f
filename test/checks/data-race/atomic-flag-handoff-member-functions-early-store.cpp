// The twin of ok-atomic-flag-handoff-member-functions.cpp: produce() sets
// the flag before it writes `data_`, so the reader that saw the flag reads
// `data_` while it is being written.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <thread>

struct Job {
  int data_ = 0;
  std::atomic<bool> ready_; // zero: the Job is value-initialized

  void produce() {
    ready_.store(true, std::memory_order_release);
    data_ = 42; // expected-warning {{data race on 'job.data_'}} expected-note {{help:}}
  }
  int consume() {
    while (!ready_.load(std::memory_order_acquire)) {
    }
    return data_; // expected-note {{the other read is here}}
  }
};

int run() {
  Job job{};
  std::thread producer([&] { job.produce(); }); // expected-note {{reached through this call}} expected-note {{the thread is spawned here}}
  int value = job.consume(); // expected-note {{reached through this call}}
  producer.join(); // expected-note {{the spawning function joins it only here}}
  return value;
}

#ifdef FEARLESS_RUN
int main() { return run() == 42 ? 0 : 1; }
#endif
