// The ready-flag hand-off made by member functions of the shared object: a
// producer writes `data_` and then sets the atomic member `ready_` with a
// release store, both in produce(); the reader spins on an acquire load of
// `ready_` in consume() and then reads `data_`. The write and the store
// come from one call (`job.produce()`), so their order is produce()'s own,
// as the load's and the read's is consume()'s.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <atomic>
#include <thread>

struct Job {
  int data_ = 0;
  std::atomic<bool> ready_; // zero: the Job is value-initialized

  void produce() {
    data_ = 42;
    ready_.store(true, std::memory_order_release);
  }
  int consume() {
    while (!ready_.load(std::memory_order_acquire)) {
    }
    return data_;
  }
};

int run() {
  Job job{};
  std::thread producer([&] { job.produce(); });
  int value = job.consume();
  producer.join();
  return value;
}

#ifdef FEARLESS_RUN
int main() { return run() == 42 ? 0 : 1; }
#endif
