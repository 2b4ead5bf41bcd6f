// The spawner reads the first element of a std::deque through a reference
// taken before the thread starts, while the thread pushes at the back: a
// push at either end of a deque keeps references to the other elements
// valid and does not touch them, so the read and the push share no memory.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <deque>
#include <thread>

int readFirstWhilePushing() {
  std::deque<int> d{1};
  int &first = d.front();
  std::thread t([&] {
    for (int i = 0; i < 100000; ++i)
      d.push_back(i);
  });
  int sum = 0;
  for (int i = 0; i < 10000000; ++i)
    sum += first;
  t.join();
  return sum;
}

#ifdef FEARLESS_RUN
int main() { return readFirstWhilePushing() == 1; }
#endif
