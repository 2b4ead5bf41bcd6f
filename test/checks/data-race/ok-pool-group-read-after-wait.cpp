// The tasks of a task group write their own slots; the caller reads them
// after wait(), which waits for the futures the group kept.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/task-group.h"

int sum(TaskGroup &tg) {
  int slots[2] = {0, 0};
  tg.run([&slots] { slots[0] = 1; });
  tg.run([&slots] { slots[1] = 2; });
  tg.wait();
  return slots[0] + slots[1];
}

#ifdef FEARLESS_RUN
int main() {
  TaskGroup tg(2);
  return sum(tg) != 3;
}
#endif
