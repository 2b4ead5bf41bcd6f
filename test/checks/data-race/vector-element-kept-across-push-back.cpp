// The spawner reads the first element of a std::vector through a reference
// taken before the thread starts, while the thread appends: push_back may
// reallocate, moving the elements and freeing the storage the reference
// points into (unlike a push at the end of a deque).
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: address
#include <thread>
#include <vector>

int readFirstWhilePushing() {
  std::vector<int> v{1};
  int &first = v.front();
  std::thread t([&] { // expected-note {{the thread is spawned here}}
    for (int i = 0; i < 100000; ++i)
      v.push_back(i); // expected-warning {{data race on 'v': this write can run at the same time as a read in another thread}} expected-note {{help: guard both accesses with the same mutex, or give each thread its own copy}}
  });
  int sum = 0;
  for (int i = 0; i < 10000000; ++i)
    sum += first; // expected-note {{the other read is here}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return sum;
}

#ifdef FEARLESS_RUN
int main() { return readFirstWhilePushing() == 1; }
#endif
