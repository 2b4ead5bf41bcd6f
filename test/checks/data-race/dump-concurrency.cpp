// dump=concurrency prints each member thread, what it runs, and the member
// functions that run beside it until they join it.
// RUN: %fearless-mock -std=c++17 -fplugin-arg-fearless-dump=concurrency %s 2>&1 | FileCheck %s
#include <atomic>
#include <thread>
#include <vector>

class Pool {
public:
  Pool() {
    for (int i = 0; i < 4; ++i)
      workers_.emplace_back([this] { work(); });
  }
  void stop() {
    stop_ = true;
    for (auto &w : workers_)
      w.join();
  }
  int load() const { return 0; }
  ~Pool() { stop(); }

private:
  void work() {}
  std::atomic<bool> stop_{false};
  std::vector<std::thread> workers_;
};

// CHECK: member thread: 'Pool::Pool' at 12:7 starts the lambda at 12:29 into 'workers_'
// CHECK-NEXT:   runs beside 'Pool::stop' until the join at 17:7
// CHECK-NEXT:   runs beside 'Pool::load'
// CHECK-NEXT:   runs beside 'Pool::~Pool' until the join at 20:13
// CHECK-NOT: member thread
