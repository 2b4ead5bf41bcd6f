// The std::thread is a member of the local struct its lambda captures by
// reference; the join through that member comes before the read.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>

struct Job {
  std::thread t;
  int count = 0;
};

int run_one() {
  Job j;
  j.t = std::thread([&] { j.count += 1; });
  j.t.join();
  return j.count;
}

#ifdef FEARLESS_RUN
int main() { return run_one() != 1; }
#endif
