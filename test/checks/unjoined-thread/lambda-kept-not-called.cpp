// A lambda that would join, given to a function that only keeps it for
// later, joins nothing at the call: the threads are destroyed joinable.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
#include <functional>
#include <thread>
#include <utility>
#include <vector>
std::vector<std::function<void()>> later;
template <typename F> void defer(F f) { later.emplace_back(std::move(f)); }
void work(int) {}
void run() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(work, i); // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed, or detach it if it must outlive its handle}}
  defer([&ts] {
    for (auto &t : ts)
      t.join();
  });
} // expected-warning {{threads in 'ts' are destroyed while still joinable, which calls std::terminate}}

#ifdef FEARLESS_RUN
int main() { run(); } // terminates
#endif
