// The reporting twin of ok-map-of-atomics-counters.cpp: the map's elements
// are plain longs, so two threads bumping them through operator[] race (on
// the element, and on the map itself if a key is missing).
// RUN: %fearless -std=c++17 -Xclang -verify %s
#include <map>
#include <thread>

enum State { Fresh, Copied, Moved };
std::map<State, long> counters;

void reset() { counters[Fresh] = counters[Copied] = counters[Moved] = 0; }

void note(State s) { ++counters[s]; } // expected-warning {{data race on 'counters'}} expected-note {{the other thread runs this same write}} expected-note {{help: guard every access to 'counters' with one mutex}}

long run_twice() {
  reset();
  std::thread a([] { for (int i = 0; i < 1000; ++i) note(Copied); }); // expected-note {{reached through this call}} expected-note {{one thread is spawned here}}
  std::thread b([] { for (int i = 0; i < 1000; ++i) note(Copied); }); // expected-note {{reached through this call}} expected-note {{the other thread is spawned here}}
  a.join();
  b.join();
  return counters[Copied];
}

#ifdef FEARLESS_RUN
int main() { return run_twice() < 0; }
#endif
