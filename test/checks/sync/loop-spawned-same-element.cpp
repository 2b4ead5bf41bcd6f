// The twin of ok-per-thread-element.cpp: the element is chosen with an index
// that is the same in every copy, so all the threads share one State.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>
#include <vector>

struct State {
  int key(int) const;
  mutable int cached = 0; // expected-note {{'State' is not Sync because its mutable field 'cached'}}
};

void process(State *s) { s->key(1); }

void run(std::vector<State> &states, std::size_t k) {
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < states.size(); i++)
    pool.emplace_back(process, &states[k]); // expected-warning {{is shared with another thread, but it is not Sync}} expected-note {{several threads run this code at the same time}} expected-note {{spawned here}}
  for (auto &t : pool)
    t.join();
}
