// A done flag published under a std::mutex, value-aware: the worker stores
// 2 ("started") before it writes the result and 1 ("done") after; the
// reader reads the result only where the getter returned 1, so only after
// the last store. (The twin, done-flag-other-value-passes.cpp, tests `!= 0`,
// which the earlier store of 2 passes too.)
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
// expected-no-diagnostics
#include <mutex>
#include <thread>

static std::mutex state_mutex;
static int state = 0;
static int result = 0;

static int get_state() {
  std::lock_guard<std::mutex> guard(state_mutex);
  return state;
}

static void set_state(int value) {
  std::lock_guard<std::mutex> guard(state_mutex);
  state = value;
}

int compute(int n);

void work(int n) {
  set_state(2);
  result = compute(n);
  set_state(1);
}

int run(int n) {
  std::thread worker(work, n);
  int seen = 0;
  while (!seen)
    if (get_state() == 1)
      seen = result;
  worker.join();
  return seen;
}

#ifdef FEARLESS_RUN
int compute(int n) { return n + 1; }
int main() { return run(41) == 42 ? 0 : 1; }
#endif
