// A scope guard whose lambda does not join leaves the thread joinable when
// its handle is destroyed: only a guard that joins counts as a join.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
#include <cstdio>
#include <thread>
#include <utility>
template <class F> class final_action {
  F f_;

public:
  explicit final_action(F f) : f_(std::move(f)) {}
  ~final_action() { f_(); }
};
template <class F> final_action<F> finally(F f) {
  return final_action<F>(std::move(f));
}
void work() {}
void run() {
  std::thread t(work); // expected-note {{the thread is started here}} expected-note {{join it before it is destroyed, or detach it if it must outlive its handle}}
  auto log = finally([&] { std::puts("done"); });
  work();
} // expected-warning {{'t' is destroyed while still joinable, which calls std::terminate}}

#ifdef FEARLESS_RUN
int main() { run(); } // terminates
#endif
