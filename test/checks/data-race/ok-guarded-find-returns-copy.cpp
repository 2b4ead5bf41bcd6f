// The lookup copies the entry out while the lock is held; the pointer test
// after the lock is released only reads the local pointer.
// RUN: %fearless -std=c++17 -Xclang -verify %s
// expected-no-diagnostics
#include <mutex>
#include <optional>
#include <unordered_map>

struct Entry {
  int value = 0;
};

class Cache {
public:
  std::optional<Entry> lookup(int key) const {
    std::lock_guard<std::mutex> g(m_);
    auto it = map_.find(key);
    if (it == map_.end())
      return std::nullopt;
    return it->second;
  }
  bool contains(int key) const {
    const Entry *found = nullptr;
    {
      std::lock_guard<std::mutex> g(m_);
      auto it = map_.find(key);
      if (it != map_.end())
        found = &it->second;
    }
    return found != nullptr;
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
    n += c.lookup(1)->value + c.contains(1);
  t.join();
  return n == 7;
}
#endif
