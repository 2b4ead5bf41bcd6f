// A loop over the container's iterators that joins each element (`it->join()`,
// `(*it).join()`) joins every thread of the container.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <thread>
#include <vector>
void work(int) {}
void arrow() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i);
  for (std::vector<std::thread>::iterator it = ts.begin(); it != ts.end(); ++it)
    it->join();
}
void star() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.push_back(std::thread(work, i));
  auto it = ts.begin();
  while (it != ts.end()) {
    (*it).join();
    ++it;
  }
}

#ifdef FEARLESS_RUN
int main() {
  arrow();
  star();
}
#endif
