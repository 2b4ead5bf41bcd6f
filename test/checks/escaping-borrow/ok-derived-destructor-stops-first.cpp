// A base class's thread runs a virtual run() that uses a member of the
// derived class; the derived class's destructor stops and joins the thread
// before its members are destroyed.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

class Thread {
public:
  virtual ~Thread() { stop(); }
  void start() { worker_ = std::thread([this] { run(); }); }
  void stop() {
    done_ = true;
    if (worker_.joinable())
      worker_.join();
  }

protected:
  virtual void run() = 0;
  std::atomic<bool> done_{false};

private:
  std::thread worker_;
};

class Sampler : public Thread {
public:
  ~Sampler() override { stop(); }

protected:
  void run() override {
    while (!done_)
      samples_.push_back(1);
  }

private:
  std::vector<int> samples_;
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i) {
    Sampler s;
    s.start();
  }
}
#endif
