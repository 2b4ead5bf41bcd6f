// The reported twin of ok-joined-by-helper.cpp: the read comes before the
// helper joins the threads.
// RUN: %fearless-mock -std=c++20 -Xclang -verify %s
#include <thread>
#include <vector>
static int result;
static void join_all(std::vector<std::thread> &ts) {
  for (auto &t : ts)
    t.join();
}
int main() {
  std::vector<std::thread> ts;
  ts.emplace_back([] { result = 42; }); // expected-warning {{data race on 'result': this write can run at the same time as a read in another thread}} expected-note {{the thread is spawned here}} expected-note {{help: make 'result' a std::atomic<int>}}
  int seen = result; // expected-note {{the other read is here}}
  join_all(ts); // expected-note {{the spawning function joins it only here}}
  return seen;
}
