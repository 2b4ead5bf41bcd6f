// Member threads against the real libstdc++ 12 headers: a std::thread member
// started with &C::run, a pool of workers in a std::vector started in the
// constructor, and a std::jthread member declared before its data.
// RUN: %fearless -std=c++20 -pthread -Xclang -verify %s
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class Worker {
public:
  void start() { worker_ = std::thread(&Worker::run, this); }
  void stop() {
    stop_ = true;
    worker_.join();
  }
  long processed() const { return processed_; }

private:
  void run() {
    while (!stop_)
      ++processed_;
  }
  std::atomic<bool> stop_{false};
  long processed_ = 0;
  std::thread worker_;
};
// expected-warning@25 {{data race on 'processed_'}} expected-note@25 {{help: make 'processed_' a std::atomic<long>}}
// expected-note@20 {{the other read is here}}
// expected-note@15 {{the thread is spawned here and kept in 'worker_'}}
// expected-note@20 {{'processed' is a public member function}}

class Pool {
public:
  explicit Pool(int n) {
    for (int i = 0; i < n; ++i)
      workers_.emplace_back([this] { loop(); });
  }
  void post(std::function<void()> f) {
    {
      std::lock_guard<std::mutex> g(m_);
      tasks_.push_back(std::move(f));
    }
    cv_.notify_one();
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> g(m_);
      stop_ = true;
    }
    cv_.notify_all();
    for (auto &w : workers_)
      w.join();
  }

private:
  void loop() {
    for (;;) {
      std::function<void()> f;
      {
        std::unique_lock<std::mutex> l(m_);
        cv_.wait(l, [this] { return stop_ || !tasks_.empty(); });
        if (stop_ && tasks_.empty())
          return;
        f = std::move(tasks_.front());
        tasks_.pop_front();
      }
      f();
    }
  }
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

class Sampler {
  std::jthread worker_;
  std::vector<int> samples_;

public:
  void start() {
    worker_ = std::jthread([this](std::stop_token st) {
      while (!st.stop_requested())
        samples_.push_back(1);
    });
  }
};
// expected-warning@89 {{the thread may use 'samples_' after it is destroyed}}
// expected-note@87 {{the thread is started here and kept in 'worker_'}}
// expected-note@83 {{'samples_' is declared after 'worker_'}}
// expected-note@82 {{declare 'worker_' after the members its thread uses}}
