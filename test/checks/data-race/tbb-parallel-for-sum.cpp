// oneTBB's parallel_for (Models/Executors.def, a scoped executor): the
// arena's threads call the body at the same time, so a body that adds to a
// local it captures by reference races with itself.
// CONFIRM: -ltbb
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include "executors/tbb.h"

long sum_to(int n) {
  long sum = 0;
  tbb::parallel_for(0, n, [&](int i) { sum += i; }); // expected-warning {{data race on 'sum': this write can run at the same time as a write in another thread}} expected-note {{the same write runs in every thread started here}} expected-note {{help: make 'sum' a std::atomic<long>}}
  return sum; // after parallel_for returns: every call is done
}

#ifdef FEARLESS_RUN
int main() { return sum_to(1000000) < 0; }
#endif
