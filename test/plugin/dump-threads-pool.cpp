// The "threads" dump shows a call of an inferred pool function as a
// pool-submit spawn owned by the pool (or by the future the caller keeps),
// and the pool's waits and destruction as what ends it.
// RUN: %fearless-mock -std=c++17 -fplugin-arg-fearless-dump=threads %s 2>&1 | FileCheck %s
#include "pools/future-pool.h"
#include "pools/serial-queue.h"
#include "pools/task-pool.h"

void use(int &);

void tasks(TaskPool &pool) {
  int shared = 0;
  for (int i = 0; i < 4; ++i)
    pool.submit([&] { use(shared); });
  pool.wait_idle();
}
// CHECK-LABEL: threads of tasks
// CHECK-NEXT: spawn 0 line 14: pool-submit handle=none sink=local:pool body=lambda pool=pool inferred-from=submit in-loop multi
// CHECK-NEXT: borrows shared by capture line 14
// CHECK-NOT: outlived

void serial() {
  int shared = 0;
  SerialQueue q;
  for (int i = 0; i < 4; ++i)
    q.post([&] { use(shared); });
}
// CHECK-LABEL: threads of serial
// CHECK-NEXT: spawn 0 line 26: pool-submit handle=none sink=local:q body=lambda pool=q inferred-from=post in-loop{{$}}
// CHECK-NOT: outlived

int future(ThreadPool &pool) {
  int x = 1;
  auto f = pool.enqueue([&] { return x; });
  return f.get();
}
// CHECK-LABEL: threads of future
// CHECK-NEXT: spawn 0 line 34: pool-submit handle=none sink=local:f body=lambda pool=pool inferred-from=enqueue{{$}}
// CHECK-NOT: outlived
