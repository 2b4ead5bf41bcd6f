// An element chosen when the thread is created is that thread's own: an
// init-capture `[&w = workers[i]]` or an argument `&slots[i]`, with `i` the
// loop that starts the threads, gives every copy a different element; the
// spawner's `workers[i].id = i` before each spawn is another element than
// the running threads' (issue 13: per-thread slots in liburcu's benchmarks,
// taskflow's executor, c-blosc).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <thread>
#include <vector>

struct Worker {
  int id = 0;
  long count = 0;
  std::thread thread;
};

void initCapture() {
  std::vector<Worker> workers(4);
  for (int i = 0; i < 4; ++i) {
    workers[i].id = i;
    workers[i].thread = std::thread([&w = workers[i]] {
      for (int k = 0; k < 1000; ++k)
        w.count += w.id;
    });
  }
  for (auto &w : workers)
    w.thread.join();
}

void bump(long *slot) { ++*slot; }

void pointerArgument() {
  long slots[4] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(bump, &slots[i]);
  for (auto &t : threads)
    t.join();
}
