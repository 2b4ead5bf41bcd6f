// Reduced from oneTBB's test/common/state_trackable.h (corpus, issue 14): a
// std::map of atomics whose keys are all put in before the threads start,
// bumped through operator[] by several threads at once. operator[] finds
// the key (it would insert, and race, only for a key not there) and the
// increment is atomic: no race.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <map>
#include <thread>

enum State { Fresh, Copied, Moved };
std::map<State, std::atomic<long>> counters;

void reset() { counters[Fresh] = counters[Copied] = counters[Moved] = 0; }

void note(State s) { ++counters[s]; }

long run_twice() {
  reset();
  std::thread a([] { for (int i = 0; i < 1000; ++i) note(Copied); });
  std::thread b([] { for (int i = 0; i < 1000; ++i) note(Moved); });
  a.join();
  b.join();
  return counters[Copied] + counters[Moved];
}

#ifdef FEARLESS_RUN
int main() { return run_twice() != 2000; }
#endif
