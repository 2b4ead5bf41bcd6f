// A lambda handed to a member function template that only keeps it
// (`fs_.emplace_back(std::move(f))`) runs where it is called, after the
// join, not at the call that keeps it: no race with the thread on
// 'result' (a new user's program).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <functional>
#include <thread>
#include <utility>
#include <vector>

struct Deferred {
  template <class F> void post(F f) { fs_.emplace_back(std::move(f)); }
  void run_all() {
    for (auto &f : fs_)
      f();
  }
  std::vector<std::function<void()>> fs_;
};

int compute() {
  int result = 0;
  Deferred later;
  std::thread t([&] { result += 1; });
  later.post([&] { result *= 2; });
  t.join();
  later.run_all();
  return result;
}

#ifdef FEARLESS_RUN
int main() { return compute() == 2 ? 0 : 1; }
#endif
