// guarded_by and fearless::assume_synchronized.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <fearless/annotations.h>
#include <mutex>
#include <thread>

class Counter {
  std::mutex m_;
  int value_ __attribute__((guarded_by(m_))) = 0;
  int external_ FEARLESS_ASSUME_SYNCHRONIZED = 0;

public:
  void run() {
    std::thread t([this] {
      std::lock_guard<std::mutex> lock(m_);
      ++value_;
      ++external_;
    });
    {
      std::lock_guard<std::mutex> lock(m_);
      ++value_;
    }
    ++external_;
    t.join();
  }
};
