// The reported twin's tasks each write the slot of their own index, and
// the caller reads after waiting for every future.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/bulk-pool.h"

int count(BulkPool &pool) {
  int slots[4] = {0, 0, 0, 0};
  std::vector<std::future<void>> futures =
      pool.parallel_loop(0, 4, [&slots](long i) { slots[i] = 1; });
  for (std::future<void> &f : futures)
    f.get();
  return slots[0] + slots[1] + slots[2] + slots[3];
}

#ifdef FEARLESS_RUN
int main() {
  BulkPool pool(2);
  return count(pool) != 4;
}
#endif
