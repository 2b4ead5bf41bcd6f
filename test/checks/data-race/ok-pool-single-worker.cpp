// A serial queue has one worker thread: the tasks queued on it run one
// after the other, never at the same time as each other.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include "pools/serial-queue.h"

long count_items() {
  long total = 0;
  {
    SerialQueue q;
    for (int i = 0; i < 1000; ++i)
      q.post([&] { total += 1; });
  } // the queue drains and joins its worker here
  return total;
}

#ifdef FEARLESS_RUN
int main() { return count_items() != 1000; }
#endif
