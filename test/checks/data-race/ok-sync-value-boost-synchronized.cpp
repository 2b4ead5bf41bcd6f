// The correct twin of sync-value-boost-iterator-after-arrow.cpp: a guard
// from synchronize() kept while the iterator and the reference are used,
// operator-> used within one expression, and get() returning a copy.
// REQUIRES: boost-thread
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: thread -lboost_thread
// expected-no-diagnostics
#include <boost/thread/synchronized_value.hpp>
#include <vector>

boost::synchronized_value<std::vector<int>> values;

int first() {
  auto locked = values.synchronize();
  auto it = locked->begin();
  return *it;
}

void append(int x) {
  values->push_back(x);
  auto locked = values.synchronize();
  std::vector<int> &v = *locked;
  v.push_back(x + 1);
}

size_t count() { return values.get().size(); }

#ifdef FEARLESS_RUN
#include <cstdio>
#include <thread>
int main() {
  values->push_back(0);
  std::thread t([] {
    for (int i = 0; i < 500; ++i)
      append(i);
  });
  long total = 0;
  for (int i = 0; i < 500; ++i)
    total += first() + long(count());
  t.join();
  std::printf("%ld\n", total);
}
#endif
