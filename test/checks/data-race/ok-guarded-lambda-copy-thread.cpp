// The detached thread gets a copy of the guarded member, made under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <thread>
#include <vector>

void consume(unsigned long);

class Log {
public:
  void flushLater() {
    std::lock_guard<std::mutex> g(m_);
    std::thread([lines = lines_] { consume(lines.size()); }).detach();
  }
  void add(int line) {
    std::lock_guard<std::mutex> g(m_);
    lines_.push_back(line);
  }

private:
  std::mutex m_;
  std::vector<int> lines_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <chrono>
std::atomic<unsigned long> total{0};
void consume(unsigned long n) {
  for (int i = 0; i < 1000; ++i)
    total += n;
}
int main() {
  static Log log;
  for (int i = 0; i < 200; ++i) {
    log.flushLater();
    for (int j = 0; j < 100; ++j)
      log.add(j);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
}
#endif
