// The twin of ok-lambda-kept-by-template-runs-after-join.cpp: the member
// function template calls the lambda it is given, so it runs at the call,
// while the thread writes 'result'.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
#include <thread>

struct Now {
  template <class F> void post(F f) { f(); }
};

int compute() {
  int result = 0;
  Now now;
  std::thread t([&] { result += 1; }); // expected-warning {{data race on 'result': this write can run at the same time as a write in another thread}} expected-note {{the thread is spawned here}} expected-note {{help: make 'result' a std::atomic<int>}}
  now.post([&] { result *= 2; }); // expected-note {{the other write is here}} expected-note {{reached through this call}}
  t.join(); // expected-note {{the spawning function joins it only here}}
  return result;
}

#ifdef FEARLESS_RUN
int main() { return compute() > 0 ? 0 : 1; }
#endif
