// A helper starts a std::async task on a pointer it was given and returns
// the future; the caller writes the object before it waits.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
#include <future>

struct State {
  long n = 0;
};

std::future<void> startCounting(State *s) {
  return std::async(std::launch::async, [s] { // expected-note {{'startCounting' starts the thread here and returns it}}
    for (int i = 0; i < 100000; ++i)
      ++s->n; // expected-warning {{data race on 'st.n'}} expected-note {{help: make 'st.n' a std::atomic<long>}}
  });
}

int main() {
  State st;
  std::future<void> f = startCounting(&st); // expected-note {{the thread is spawned here}}
  for (int i = 0; i < 100000; ++i)
    ++st.n; // expected-note {{the other write is here}}
  f.get(); // expected-note {{the spawning function joins it only here}}
  return st.n == 0;
}
