// The "threads" dump shows the thread model the checks read.
// RUN: %fearless-mock -std=c++17 -fplugin-arg-fearless-dump=threads %s 2>&1 | FileCheck %s
#include <thread>
#include <vector>

void use(int &);

void pool() {
  int shared = 0;
  std::vector<std::thread> workers;
  for (int i = 0; i < 4; ++i)
    workers.emplace_back([&] { use(shared); });
  for (auto &w : workers)
    w.join();
}
// CHECK: threads of pool
// CHECK-NEXT: spawn 0 line 12: container-emplace handle=thread sink=local:workers[] body=lambda in-loop multi
// CHECK-NEXT: borrows shared by capture line 12
// CHECK-NOT: outlived
