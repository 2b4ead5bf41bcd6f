// A detached thread started under the lock gets a reference to the guarded
// member through an init-capture: it reads the member after the lock is
// released, while the setter writes it under the lock.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <mutex>
#include <thread>
#include <vector>

void consume(unsigned long);

class Log {
public:
  void flushLater() {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'m_' is locked here}}
    std::thread([&lines = lines_] { consume(lines.size()); }).detach(); // expected-warning {{reference to 'lines_' escapes the lock 'm_' that guards it}} expected-note {{the lambda reaches 'lines_' by reference; it is captured here, while 'm_' is held}} expected-note {{'lines_' is used here, in the lambda, without 'm_'}} expected-note {{the lambda runs on a thread started here, so it may run after 'm_' is released}} expected-note {{help: capture a copy of 'lines_' ('[lines = lines_]'), or lock 'm_' inside the lambda}}
  }
  void add(int line) {
    std::lock_guard<std::mutex> g(m_);
    lines_.push_back(line); // expected-note {{'lines_' is written here, under 'm_', possibly at the same time}}
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
