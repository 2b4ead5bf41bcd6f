// setRate() writes what the worker reads, but every call of it in the
// translation unit comes before start() on the same object: it never runs
// beside the thread.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <atomic>
#include <thread>

class Sampler {
public:
  void setRate(int r) { rate_ = r; }
  void start() { worker_ = std::thread(&Sampler::run, this); }
  void stop() {
    stop_ = true;
    worker_.join();
  }

private:
  void run() {
    long total = 0;
    while (!stop_)
      total += rate_;
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
  s.stop();
}
