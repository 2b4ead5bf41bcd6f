// A helper starts a std::async task on a pointer it was given and returns
// the future; the caller touches the object only after get(): no race.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: -O1
// expected-no-diagnostics
#include <future>

struct State {
  long n = 0;
};

std::future<void> startCounting(State *s) {
  return std::async(std::launch::async, [s] {
    for (int i = 0; i < 100000; ++i)
      ++s->n;
  });
}

int main() {
  State st;
  std::future<void> f = startCounting(&st);
  f.get();
  for (int i = 0; i < 100000; ++i)
    ++st.n;
  return st.n == 0;
}
