// One copy writes (`if (id == 0)`, `id` different in every copy), then every
// copy passes a barrier made of an atomic counter and a spin-wait, then all
// read: the counter's read-modify-writes order the write before the reads
// (issue 13: hand-made barriers and thread-id guards of real schedulers).
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <thread>
#include <vector>

void phases() {
  int shared = 0;
  std::atomic<int> arrived{0};
  std::vector<std::thread> workers;
  for (int id = 0; id < 4; ++id)
    workers.emplace_back([&, id] {
      if (id == 0)
        shared = 42; // only in the copy with id 0
      arrived.fetch_add(1);
      while (arrived.load() < 4) {
      }
      int seen = shared;
      (void)seen;
    });
  for (auto &w : workers)
    w.join();
}
