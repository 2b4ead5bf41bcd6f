// A base class's destructor stops and joins the thread that runs a virtual
// run(); the derived class's override uses a member of the derived class,
// which is destroyed before the base class's destructor runs.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread
#include <atomic>
#include <thread>
#include <vector>

class Thread {
public:
  virtual ~Thread() { stop(); }
  void start() {
    worker_ = std::thread([this] { run(); }); // expected-note {{reached through this call}} expected-note {{the thread is started here and kept in 'worker_'; only the destructor of 'Thread' joins it, after the members of 'Sampler' are destroyed}}
  }
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

class Sampler : public Thread { // expected-note {{help: stop and join the thread in the destructor of 'Sampler'}}
protected:
  void run() override {
    while (!done_)
      samples_.push_back(1); // expected-warning {{the thread may use 'samples_' after it is destroyed}}
  }

private:
  std::vector<int> samples_; // expected-note {{'samples_' is a member of 'Sampler', destroyed before the destructor of 'Thread' runs}}
};

#ifdef FEARLESS_RUN
int main() {
  for (int i = 0; i < 50; ++i) {
    Sampler s;
    s.start();
  }
}
#endif
