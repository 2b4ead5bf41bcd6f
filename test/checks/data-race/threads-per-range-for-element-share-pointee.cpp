// The reported twin of ok-threads-per-range-for-element.cpp: each thread
// has its own element, but the elements are pointers to one counter.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

int count() {
  int counter = 0;
  std::vector<int *> slots(4, &counter);
  std::vector<std::thread> ts;
  for (int *&p : slots)
    ts.emplace_back([&p] { *p += 1; }); // expected-warning {{data race on '*p'}} expected-note {{the same write runs in every thread started here, at the same time}} expected-note {{help: make '*p' a std::atomic<int>}}
  for (std::thread &t : ts)
    t.join();
  return counter;
}

#ifdef FEARLESS_RUN
int main() { return count() < 0; }
#endif
