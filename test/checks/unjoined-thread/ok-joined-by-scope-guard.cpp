// A scope guard made from a lambda that joins (gsl::finally, a hand-made
// final_action) joins the thread when the guard is destroyed, on every path
// out of the scope, before the thread's handle is destroyed.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// CONFIRM: abort
// expected-no-diagnostics
#include <thread>
#include <utility>
template <class F> class final_action {
  F f_;
  bool invoke_ = true;

public:
  explicit final_action(F f) : f_(std::move(f)) {}
  final_action(final_action &&o) : f_(std::move(o.f_)), invoke_(o.invoke_) {
    o.invoke_ = false;
  }
  ~final_action() {
    if (invoke_)
      f_();
  }
};
template <class F> final_action<F> finally(F f) {
  return final_action<F>(std::move(f));
}
void work() {}
int run(bool quick) {
  std::thread t(work);
  auto joiner = finally([&] { t.join(); });
  if (quick)
    return 1;
  work();
  return 0;
}

#ifdef FEARLESS_RUN
int main() { return run(true) + run(false) - 1; }
#endif
