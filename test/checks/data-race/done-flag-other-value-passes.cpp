// The twin of ok-done-flag-value-tested.cpp: the reader tests `!= 0`, which
// the worker's first store (2, before it writes the result) passes too, so
// the read of the result can run at the same time as its write.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// CONFIRM: thread (main() below is the FEARLESS_RUN program)
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
  result = compute(n); // expected-warning {{data race on 'result'}} expected-note {{help: make 'result' a std::atomic<int>}}
  set_state(1);
}

int run(int n) {
  std::thread worker(work, n); // expected-note {{the thread is spawned here}}
  int seen = 0;
  while (!seen)
    if (get_state() != 0)
      seen = result; // expected-note {{the other read is here}}
  worker.join(); // expected-note {{the spawning function joins it only here}}
  return seen;
}

#ifdef FEARLESS_RUN
#include <chrono>
int compute(int n) {
  // Long enough for the reader to see the first store and read.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return n + 1;
}
int main() { return run(41) == 42 ? 0 : 1; }
#endif
