// Threads started in a loop over i, each given `&states[i]`: every copy
// gets an element of its own, and the spawner works on `states[0]`, which
// no thread is given. No State is shared, Sync or not (issue 13, class B:
// rocksdb's CompactionJob::Run and its sub_compact_states).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <vector>

struct State {
  int key(int) const;
  mutable int cached = 0;
};

void process(State *s) { s->key(1); }
void processRef(State &s) { s.key(2); }

void run(std::vector<State> &states) {
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < states.size(); i++)
    pool.emplace_back(process, &states[i]);
  process(&states[0]);
  for (auto &t : pool)
    t.join();
}

void runRef(std::vector<State> &states) {
  std::vector<std::thread> pool;
  for (std::size_t i = 0; i < states.size(); i++)
    pool.emplace_back(processRef, std::ref(states[i]));
  for (auto &t : pool)
    t.join();
}
