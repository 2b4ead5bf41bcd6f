// The twin of guarded-find-returns-pointer-conditional.cpp: the conditional
// expression copies the value out while the lock is held.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <unordered_map>

struct Entry {
  int value = 0;
};

class Cache {
public:
  int lookup(int key) const {
    std::lock_guard<std::mutex> g(m_);
    auto it = map_.find(key);
    return it == map_.end() ? -1 : it->second.value;
  }
  void update(int key, int v) {
    std::lock_guard<std::mutex> g(m_);
    map_[key].value = v;
  }

private:
  mutable std::mutex m_;
  std::unordered_map<int, Entry> map_;
};

#ifdef FEARLESS_RUN
#include <atomic>
#include <thread>
int main() {
  Cache c;
  c.update(1, 0);
  std::atomic<bool> go{false};
  std::thread t([&] {
    go = true;
    for (int i = 0; i < 100000; ++i)
      c.update(1, i);
  });
  while (!go) {
  }
  long n = 0;
  for (int i = 0; i < 100000; ++i)
    n += c.lookup(1);
  t.join();
  return n == 7;
}
#endif
