// Each task queued in a range-for writes the element the loop's reference
// is bound to in its iteration (BS::thread_pool's tests record each
// worker's id so): no two tasks share one.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/task-pool.h"
#include <vector>

int fill(TaskPool &pool) {
  std::vector<int> ids(8);
  for (int &id : ids)
    pool.submit([&id] { id = 1; });
  pool.wait_idle();
  return ids[0];
}

#ifdef FEARLESS_RUN
int main() {
  TaskPool pool(4);
  return fill(pool) != 1;
}
#endif
