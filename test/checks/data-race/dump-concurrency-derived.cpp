// dump=concurrency prints a member thread started by a base class once for
// the base and once for each derived class that overrides what it calls,
// with the derived class's members beside it; the override is the thread's.
// RUN: %fearless-mock -std=c++17 -fplugin-arg-fearless-dump=concurrency %s 2>&1 | FileCheck %s
#include <atomic>
#include <thread>

class Thread {
public:
  virtual ~Thread() = default;
  void start() { worker_ = std::thread([this] { run(); }); }
  void stop() {
    done_ = true;
    worker_.join();
  }
  virtual void run() = 0;

protected:
  std::atomic<bool> done_{false};

private:
  std::thread worker_;
};

class Worker : public Thread {
public:
  ~Worker() override { stop(); }
  void run() override { ++ticks_; }
  long processed() const { return ticks_; }

private:
  std::atomic<long> ticks_{0};
};

class Idle : public Thread {
public:
  long load() const { return 0; }
};

// CHECK: member thread: 'Thread::start' at 11:28 starts the lambda at 11:40 into 'worker_'{{$}}
// CHECK-NEXT:   runs beside 'Thread::stop' until the join at 14:5
// CHECK-NEXT: member thread: 'Thread::start' at 11:28 starts the lambda at 11:40 into 'worker_' on a 'Worker'
// CHECK-NEXT:   runs beside 'Worker::~Worker' until the join at 27:24
// CHECK-NEXT:   runs beside 'Worker::processed'
// CHECK-NEXT:   runs beside 'Thread::stop' until the join at 14:5
// CHECK-NOT: member thread
// CHECK-NOT: 'Worker::run'
// CHECK-NOT: on a 'Idle'
