// Correct code that must stay silent: access after join, atomics, per-thread
// slots, read-only sharing, writes before the spawn, call_once, and a
// condition-variable hand-off under its mutex.
// RUN: %fearless-mock -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

int afterJoin() {
  int result = 0;
  std::thread t([&] { result = 42; });
  t.join();
  return result;
}

int atomics() {
  std::atomic<int> counter{0};
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { counter.fetch_add(1); ++counter; });
  counter.store(5);
  for (auto &t : pool)
    t.join();
  return counter.load();
}

void perThreadSlots() {
  std::vector<int> results(8);
  int slots[8] = {};
  std::vector<std::thread> pool;
  for (int i = 0; i < 8; ++i)
    pool.emplace_back([&results, &slots, i] {
      results[i] = i * i;
      slots[i] += 1;
    });
  for (auto &t : pool)
    t.join();
}

int readOnly() {
  const int limit = 10;
  int config = 3;
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([&] { int x = config + limit; (void)x; });
  int y = config;
  for (auto &t : pool)
    t.join();
  return y;
}

void writeBeforeSpawn() {
  int data = 0;
  data = 42; // the thread starts after this write
  std::thread t([&] { int copy = data; (void)copy; });
  t.join();
}

std::once_flag initialized;
int settings;

void initOnce() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back([] { std::call_once(initialized, [] { settings = 1; }); });
  for (auto &t : pool)
    t.join();
}

void conditionVariable() {
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  int payload = 0;
  std::thread consumer([&] {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return ready; });
    int got = payload;
    (void)got;
  });
  {
    std::lock_guard<std::mutex> lock(m);
    payload = 7;
    ready = true;
  }
  cv.notify_one();
  consumer.join();
}
