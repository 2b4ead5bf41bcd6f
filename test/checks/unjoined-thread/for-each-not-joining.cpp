// std::for_each with a callable that does not join its element leaves every
// thread of the container joinable when the container is destroyed.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>
void work(int) {}
void run() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i); // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed, or detach it if it must outlive its handle}}
  std::for_each(ts.begin(), ts.end(), [](std::thread &t) {
    std::printf("%d\n", t.joinable());
  });
} // expected-warning {{threads in 'ts' are destroyed while still joinable, which calls std::terminate}}

#ifdef FEARLESS_RUN
int main() { run(); } // terminates
#endif
